import Foundation
import LoaChannels
import LoaCore
import LoaHTTP
import LoaServer
import LoaStore

/// What a browser does on the dashboard, by hand: it keeps cookies, reads the sign-in page first,
/// and sends `Origin` with every form it posts (a same-origin form unless told otherwise).
struct SessionClient {
    let server: ServerHarness
    private(set) var cookies: [String: String] = [:]
    /// The CSRF value the last page read carried in its forms.
    private(set) var csrf: String?

    /// A browser that has just opened `/login`.
    init(_ server: ServerHarness) async throws {
        self.server = server
        _ = try await get("/login")
    }

    /// A stored token of `role`, in the clear.
    static func token(_ server: ServerHarness, _ role: TokenRecord.Role, scopes: [AudienceSelector] = [], label: String) async throws -> String {
        let bearer = try await server.bearer(role, scopes: scopes, label: label)
        return String((bearer["Authorization"] ?? "").dropFirst("Bearer ".count))
    }

    var cookieHeader: String { cookies.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "; ") }

    /// Posts the sign-in form as the page at `origin` would; nil sends no `Origin` at all.
    mutating func signIn(
        _ token: String, next: String? = nil, origin: String?? = .none, csrf: String? = nil
    ) async throws -> HTTPResponse {
        var fields = [("token", token)]
        if let next { fields.append(("next", next)) }
        return try await post("/login", fields, origin: origin, csrf: csrf)
    }

    /// GETs `path` with the jar's cookies; remembers the CSRF value of the page's forms.
    @discardableResult
    mutating func get(_ path: String) async throws -> HTTPResponse {
        let response = try await server.request(.get, path, headers: cookies.isEmpty ? [:] : ["Cookie": cookieHeader])
        absorb(response)
        if let value = Self.csrf(in: String(decoding: response.body, as: UTF8.self)) { csrf = value }
        return response
    }

    /// POSTs a form with the jar's cookies, the last page's CSRF value (unless `csrf` is given) and
    /// `Origin` (the server's own unless `origin` is given; `.some(nil)` sends none).
    @discardableResult
    mutating func post(
        _ path: String, _ fields: [(String, String)] = [], origin: String?? = .none, csrf: String? = nil
    ) async throws -> HTTPResponse {
        var headers: HTTPHeaders = ["Content-Type": "application/x-www-form-urlencoded"]
        if !cookies.isEmpty { headers.add(name: "Cookie", value: cookieHeader) }
        switch origin {
        case .none: headers.add(name: "Origin", value: server.base)
        case .some(.some(let value)): headers.add(name: "Origin", value: value)
        case .some(.none): break
        }
        let form = (csrf ?? self.csrf).map { [("csrf", $0)] } ?? []
        let response = try await server.request(.post, path, headers: headers, body: Array(FormEncoding.encode(form + fields).utf8))
        absorb(response)
        return response
    }

    /// Keeps the cookies a response sets; `Max-Age=0` deletes one.
    mutating func absorb(_ response: HTTPResponse) {
        for header in response.headers.values(for: "Set-Cookie") {
            let parts = header.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            let pair = (parts.first ?? "").split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            guard pair.count == 2 else { continue }
            if parts.contains("Max-Age=0") || pair[1].isEmpty { cookies[pair[0]] = nil } else { cookies[pair[0]] = pair[1] }
        }
    }

    static func csrf(in html: String) -> String? {
        guard let range = html.range(of: "name=\"csrf\" value=\"") else { return nil }
        return String(html[range.upperBound...].prefix { $0 != "\"" })
    }
}
