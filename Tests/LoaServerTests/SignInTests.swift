import Foundation
import LoaCore
import LoaChannels
import LoaHTTP
@testable import LoaStore
import Testing

/// Sign-in over a real socket (issue 18): where it sends the browser, and who may post it.
@Suite("Dashboard sign-in", .serialized)
struct SignInTests {
    /// `next` values that leave the site once a browser reads them (tabs and newlines dropped,
    /// `\` read as `/`), as the login form would post them (already percent-decoded once).
    static let offSite = [
        "/\t/evil.example", "/%09/evil.example", "/%2509/evil.example", "//evil.example", "/\\evil.example",
        "/%5Cevil.example", "/%2F/evil.example", "https://evil.example/", "/\n/evil.example", "/%0a/evil.example",
        "\t//evil.example", "/ /evil.example", "/%zz", "evil.example", "",
    ]

    @Test
    func nextNeverLeavesTheSite() async throws {
        let server = try await ServerHarness.start()
        let token = try await SessionClient.token(server, .auditor, label: "kiem-tra")
        for next in Self.offSite {
            var client = try await SessionClient(server)
            let response = try await client.signIn(token, next: next)
            #expect(response.status == 303, "\(next.debugDescription)")
            #expect(response.headers["Location"] == "/", "\(next.debugDescription) → \(response.headers["Location"] ?? "none")")
        }
        let kept = "/notices/\(server.notice.id)/unread?hamlet=Th%C3%B4ng%20Nh%E1%BA%A5t&not_acked=1"
        var client = try await SessionClient(server)
        let response = try await client.signIn(token, next: kept)
        #expect(response.headers["Location"] == kept, "a path on this server is kept")
        // The sign-in page puts only a safe target in its form.
        let page = try await server.request(.get, "/login?next=%2F%09%2Fevil.example")
        let html = String(decoding: page.body, as: UTF8.self)
        #expect(html.contains("name=\"next\" value=\"/\"") && !html.contains("evil.example"))
        await server.stop()
    }

    @Test
    func aSignInPostedFromAnotherSiteOrWithoutTheSignInPageIsRefused() async throws {
        let server = try await ServerHarness.start()
        let token = try await SessionClient.token(server, .admin, label: "ubnd")
        let audit = try await server.store.auditLog(limit: 100).count
        // (origin header, referer, send the page's CSRF value, keep the page's cookie)
        let forged: [(String?, String?, Bool, Bool, String)] = [
            ("https://evil.example", nil, true, true, "another site"),
            ("http://127.0.0.1:1", nil, true, true, "another port on this host"),
            ("null", nil, true, true, "an opaque origin"),
            (nil, "https://evil.example/page", true, true, "no Origin, a foreign Referer"),
            (nil, nil, true, true, "neither Origin nor Referer"),
            (server.base, nil, false, true, "no CSRF value"),
            (server.base, nil, true, false, "no sign-in cookie"),
        ]
        for (origin, referer, withCSRF, withCookie, label) in forged {
            var browser = try await SessionClient(server)
            var headers: HTTPHeaders = ["Content-Type": "application/x-www-form-urlencoded"]
            if let origin { headers.add(name: "Origin", value: origin) }
            if let referer { headers.add(name: "Referer", value: referer) }
            if withCookie { headers.add(name: "Cookie", value: browser.cookieHeader) }
            let form = (withCSRF ? [("csrf", browser.csrf ?? "")] : []) + [("token", token)]
            let response = try await server.request(.post, "/login", headers: headers, body: Array(FormEncoding.encode(form).utf8))
            browser.absorb(response)
            #expect(response.status == 403, "\(label)")
            #expect(browser.cookies["loa_session"] == nil, "\(label): no session cookie")
        }
        var wrong = try await SessionClient(server)
        #expect(try await wrong.signIn(token, csrf: String(repeating: "0", count: 32)).status == 403, "a value that is not the page's")
        let store = try #require(server.store as? SQLiteStore)
        #expect(try await store.pool.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM sessions") } == 0, "no session was made")
        #expect(try await server.store.auditLog(limit: 100).count == audit)

        var sameSite = try await SessionClient(server)
        #expect(try await sameSite.signIn(token, origin: .some(nil)).status == 403, "a browser always sends Origin with a form post")
        var referred = try await SessionClient(server)
        var headers: HTTPHeaders = ["Content-Type": "application/x-www-form-urlencoded", "Cookie": referred.cookieHeader]
        headers.add(name: "Referer", value: server.base + "/login")
        let body = FormEncoding.encode([("csrf", referred.csrf ?? ""), ("token", token)])
        let response = try await server.request(.post, "/login", headers: headers, body: Array(body.utf8))
        referred.absorb(response)
        #expect(response.status == 303 && referred.cookies["loa_session"] != nil, "this server's own Referer, when no Origin came")
        await server.stop()
    }
}
