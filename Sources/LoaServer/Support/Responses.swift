import Foundation
import Hummingbird

/// Small response builders shared by the routes.
enum Responses {
    static func text(_ status: HTTPResponse.Status, _ text: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/plain; charset=utf-8"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text + "\n")))
    }

    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func error(_ status: HTTPResponse.Status, _ message: String) -> Response {
        json(["error": message], status: status)
    }

    /// A stylesheet, fetched again on every view (each fetch is a sign of a person, see `LinkVisitor`).
    static func css(_ text: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/css; charset=utf-8"
        headers[.cacheControl] = "no-store"
        headers[.init("X-Content-Type-Options")!] = "nosniff"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// An HTML page that is never cached or indexed, and whose address (a resident's link token, a
    /// dashboard query) never leaves in a Referer to another site. `same-origin`, not `no-referrer`:
    /// under `no-referrer` Chrome posts the page's own forms with `Origin: null`, which
    /// `DashboardOrigin` must refuse.
    static func html(_ page: String, status: HTTPResponse.Status = .ok, head: Bool = false) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.cacheControl] = "no-store"
        headers[.init("Referrer-Policy")!] = "same-origin"
        headers[.init("X-Robots-Tag")!] = "noindex, nofollow"
        headers[.contentSecurityPolicy] = SecurityHeaders<LoaRequestContext>.pageSecurityPolicy
        let bytes = ByteBuffer(string: page)
        headers[.contentLength] = String(bytes.readableBytes)
        return Response(status: status, headers: headers, body: head ? .init() : .init(byteBuffer: bytes))
    }
}
