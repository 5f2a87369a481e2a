import Foundation
import LoaChannels
import LoaHTTP
import LoaTesting

/// A reverse proxy in front of `loa run` that also serves `/signin?token=…&next=…`: a page that
/// submits Loa's own sign-in form with a token filled in, as a person would after opening
/// `/login`. Everything sits on one origin (the proxy's), so the form post carries that origin and
/// the sign-in page's CSRF cookie, the way a real same-origin form does; Loa, reached on loopback,
/// accepts the `Origin` that matches the `Host` the browser sent.
final class SameOriginProxy: Sendable {
    let server: TestHTTPServer

    init(loaPort: Int) throws {
        let client = HTTPClient()
        server = try TestHTTPServer { request in
            if request.path == "/signin" { return Self.signIn(request, loaPort: loaPort, client: client) }
            return Self.forward(request, loaPort: loaPort, client: client)
        }
    }

    func url(_ path: String) -> String { server.url(path) }

    func shutdown() { server.shutdown() }

    /// Opens Loa's `/login` (through the proxy, so its cookie is the browser's) and answers with a
    /// page whose form posts that page's fields plus the token, then submits itself.
    static func signIn(_ request: TestHTTPServer.Request, loaPort: Int, client: HTTPClient) -> TestHTTPServer.Response {
        let query = request.queryItems
        let token = query.first { $0.name == "token" }?.value ?? ""
        let next = query.first { $0.name == "next" }?.value ?? "/"
        var login = request
        login.target = "/login?" + FormEncoding.encode([("next", next)])
        let page = forward(login, loaPort: loaPort, client: client)
        let html = String(decoding: page.body, as: UTF8.self)
        guard let start = html.range(of: "name=\"csrf\" value=\"") else { return .text(502, "no csrf on /login") }
        let csrf = String(html[start.upperBound...].prefix { $0 != "\"" })
        let form = """
            <!doctype html><form method="post" action="/login">
            <input name="csrf" value="\(csrf)"><input name="token" value="\(token)"><input name="next" value="\(next)"></form>
            <script>document.forms[0].submit()</script>
            """
        return TestHTTPServer.Response(
            status: 200, headers: page.headers.filter { $0.name.lowercased() == "set-cookie" } + [("Content-Type", "text/html; charset=utf-8")],
            body: Array(form.utf8))
    }

    /// Sends the request on to Loa unchanged (Host, Origin, Cookie and all) and returns its answer.
    static func forward(_ request: TestHTTPServer.Request, loaPort: Int, client: HTTPClient) -> TestHTTPServer.Response {
        let skipped: Set<String> = ["content-length", "connection", "transfer-encoding", "accept-encoding"]
        let headers = HTTPHeaders(request.headers.filter { !skipped.contains($0.name.lowercased()) }.map { ($0.name, $0.value) })
        let outgoing = HTTPRequest(
            method: HTTPRequest.Method(rawValue: request.method), url: "http://127.0.0.1:\(loaPort)" + request.target, headers: headers,
            body: request.method == "GET" ? nil : request.body, timeout: testAnswerTimeout)
        let result = Blocking.wait { try await client.send(outgoing) }
        guard case .success(let response) = result else { return .text(502, "\(result)") }
        return TestHTTPServer.Response(
            status: response.status,
            headers: response.headers.fields.filter { !skipped.contains($0.name.lowercased()) }.map { ($0.name, $0.value) },
            body: response.body)
    }
}

/// Runs async work from one of the test server's own threads and waits for it there.
enum Blocking {
    static func wait<T: Sendable>(_ work: @escaping @Sendable () async throws -> T) -> Result<T, any Error> {
        let box = ResultBox<T>()
        let done = DispatchSemaphore(value: 0)
        Task {
            do { box.set(.success(try await work())) } catch { box.set(.failure(error)) }
            done.signal()
        }
        done.wait()
        return box.get()
    }

    /// Hands one result from the task to the waiting thread.
    final class ResultBox<T: Sendable>: @unchecked Sendable {
        // Safe: written once by the task before it signals, read once by the thread after the wait.
        private var value: Result<T, any Error>?
        func set(_ result: Result<T, any Error>) { value = result }
        func get() -> Result<T, any Error> { value ?? .failure(CancellationError()) }
    }
}
