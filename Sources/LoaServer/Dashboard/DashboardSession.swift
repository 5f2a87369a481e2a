import Foundation
import LoaConfig

/// The dashboard's sign-in (SPEC §5): the cookie carries only a random 256-bit session id; the
/// store keeps its hash with the token it belongs to, so sign-out, revoking the token and the idle
/// and absolute limits end it on the server. Forms carry a CSRF value derived from the session id.
struct DashboardSession: Sendable {
    /// A session unused this long ends.
    static let idle: TimeInterval = 2 * 3600
    /// A session ends this long after sign-in however busy it is.
    static let lifetime: TimeInterval = 12 * 3600
    /// How long the sign-in page's own CSRF cookie lasts.
    static let loginLifetime: TimeInterval = 3600

    /// Whether `public_url` is https: cookies are then `Secure` and named with the `__Host-` prefix,
    /// which browsers accept only from a secure origin, for `Path=/` and without `Domain`.
    let secure: Bool
    let origins: DashboardOrigin

    init(configuration: LoaConfiguration) {
        secure = configuration.server.publicURL.lowercased().hasPrefix("https://")
        origins = DashboardOrigin(publicURL: configuration.server.publicURL)
    }

    var cookieName: String { secure ? "__Host-loa_session" : "loa_session" }
    /// The sign-in form's double-submit cookie: the form's hidden `csrf` must equal it.
    var loginCookieName: String { secure ? "__Host-loa_login" : "loa_login" }

    /// A new random id, 256 bits in hex.
    static func newID(bytes: Int = 32) -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<bytes).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }

    /// What the store keeps of a session id: its SHA-256 in hex, as for API tokens.
    static func hash(_ id: String) -> String {
        APIToken.hash(id)
    }

    /// The CSRF value of the session with this id: unguessable without the id, and not the stored hash.
    static func csrf(sessionID: String) -> String {
        String(hash("loa-csrf:" + sessionID).prefix(40))
    }

    /// Whether `value` looks like an id this server made (64 hex digits), before any lookup.
    static func isWellFormed(_ value: String, length: Int = 64) -> Bool {
        value.utf8.count == length && value.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    }

    /// A `Set-Cookie` value: HttpOnly, SameSite=Strict, Path=/, Secure under https; `maxAge` 0 deletes.
    func setCookie(_ name: String, _ value: String, maxAge: TimeInterval) -> String {
        "\(name)=\(value); Path=/; HttpOnly; SameSite=Strict; Max-Age=\(Int(maxAge))" + (secure ? "; Secure" : "")
    }

    /// `name=value` pairs of a `Cookie` header.
    static func cookies(_ header: String?) -> [String: String] {
        var result: [String: String] = [:]
        for part in (header ?? "").split(separator: ";") {
            let pair = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if pair.count == 2 { result[pair[0]] = pair[1] }
        }
        return result
    }
}
