import LoaSimulator
import LoaTesting
import Testing

/// A stand-in for Loa's resident pages, written the untidy ways real HTML is: `GET /m/<token>`
/// answers a page that links `/m/<token>/s.css`, shows `/m/<token>/logo.png` and has a confirm
/// form posting to `/m/<token>/ack?from=page&lang=vi` with a hidden input; the stylesheet, the
/// image and the confirmation answer 200. Every request is recorded.
struct ResidentSite {
    /// How the page is written.
    struct Page: Sendable {
        /// Whether the page has its confirm form.
        var form = true
        /// The stylesheet's `href`, given the token; the default is on the site itself.
        var stylesheet: @Sendable (String) -> String = { "/m/\($0)/s.css" }
        /// The image's `src`, given the token.
        var image: @Sendable (String) -> String = { "/m/\($0)/logo.png" }
    }

    let server: TestHTTPServer

    init(_ page: Page = Page()) throws {
        server = try TestHTTPServer { request in
            let parts = request.path.split(separator: "/").map(String.init)
            guard parts.count >= 2, parts[0] == "m" else { return .text(404, "not found") }
            switch (request.method, parts.count > 2 ? parts[2] : "") {
            case ("GET", ""), ("HEAD", ""): return Self.html(Self.page(parts[1], page))
            case ("GET", "s.css"): return .init(status: 200, headers: [("Content-Type", "text/css")], body: Array("body{}".utf8))
            case ("GET", "logo.png"): return .init(status: 200, headers: [("Content-Type", "image/png")], body: [0x89, 0x50])
            case ("POST", "ack"): return Self.html("<p>Xin cảm ơn!</p>")
            default: return .text(404, "not found")
            }
        }
    }

    /// The page of `token`: attributes in mixed order and quotes, an entity in the form's action.
    static func page(_ token: String, _ page: Page) -> String {
        var html = """
            <!DOCTYPE html><html lang=vi><head><meta charset="utf-8">
            <!-- <link rel="stylesheet" href="/commented-out.css"> -->
            <LINK href='\(page.stylesheet(token))' REL='stylesheet'>
            <style>p{margin:0} /* <img src="/in-style.png"> */</style>
            </head><body><h1>Họp dân</h1><img alt="" src="\(page.image(token))" width=64>

            """
        if page.form {
            html += """
                <form action="/m/\(token)/ack?from=page&amp;lang=vi" method="POST">
                <input name="csrf" type="hidden" value='a b&amp;c'>
                <button type="submit">Xác nhận đã nhận</button>
                </form>

                """
        }
        return html + "</body></html>\n"
    }

    private static func html(_ text: String) -> TestHTTPServer.Response {
        .init(status: 200, headers: [("Content-Type", "text/html; charset=utf-8")], body: Array(text.utf8))
    }

    /// `http://127.0.0.1:<port>/m/<token>`.
    func link(_ token: String) -> String { server.url("/m/\(token)") }

    /// `METHOD /path?query` of every request, in arrival order.
    var visits: [String] { server.requests.map { "\($0.method) \($0.target)" } }

    func shutdown() { server.shutdown() }
}

/// Sends one webhook message carrying `link` and `id` as its idempotency key.
func sendLink(_ sim: SimulatorHarness, _ link: String, id: String) async throws {
    let response = try await sim.post("/webhook/commune", json: #"{"id":"\#(id)","link":"\#(link)"}"#)
    #expect(response.status == 200)
}
