import Foundation
import LoaCore
import LoaHTTP
import LoaStore
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
}
