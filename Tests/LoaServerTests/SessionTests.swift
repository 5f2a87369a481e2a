import Crypto
import Foundation
import GRDB
import LoaCore
import LoaHTTP
import LoaServer
@testable import LoaStore
import Synchronization
import Testing

/// Dashboard sessions over a real socket (issue 18): what the cookie holds, and every way a
/// session ends on the server.
@Suite("Dashboard sessions", .serialized)
struct SessionTests {
    /// A clock the test moves by hand.
    final class Clock: Sendable {
        private let time = Mutex(Date())
        var now: Date { time.withLock { $0 } }
        func advance(_ seconds: TimeInterval) { time.withLock { $0 += seconds } }
    }

    static func sessions(_ server: ServerHarness) async throws -> [String] {
        let store = try #require(server.store as? SQLiteStore)
        return try await store.pool.read { db in try String.fetchAll(db, sql: "SELECT hash FROM sessions ORDER BY id") }
    }

    static func sha256(_ text: String) -> String {
        SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    @Test
    func theCookieHoldsOnlyARandomIdAndSignOutEndsTheSessionOnTheServer() async throws {
        let server = try await ServerHarness.start()
        let token = try await SessionClient.token(server, .auditor, label: "kiem-tra")
        var browser = try await SessionClient(server)
        let response = try await browser.signIn(token)
        let setCookie = try #require(response.headers.values(for: "Set-Cookie").first { $0.hasPrefix("loa_session=") })
        #expect(!setCookie.contains("Secure"), "plain http public_url: no Secure flag a browser would drop the cookie for")
        let id = try #require(browser.cookies["loa_session"])
        #expect(id.count == 64 && id.allSatisfy(\.isHexDigit), "256 random bits")
        #expect(!id.contains(APIToken.hash(token)) && !setCookie.contains(APIToken.hash(token)), "never the token's hash")
        #expect(try await Self.sessions(server) == [Self.sha256(id)], "the store keeps only the id's hash")
        #expect(browser.cookies["loa_login"] == nil, "the sign-in page's cookie is spent")

        let stolen = browser.cookieHeader
        _ = try await browser.get("/notices/\(server.notice.id)")
        #expect(try await browser.post("/logout").status == 303)
        #expect(try await Self.sessions(server).isEmpty, "sign-out deleted the session")
        let replay = try await server.request(.get, "/notices/\(server.notice.id)", headers: ["Cookie": stolen])
        #expect(replay.status == 303 && replay.headers["Location"]?.hasPrefix("/login") == true, "a copy of the old cookie opens nothing")
        await server.stop()
    }

    @Test
    func csrfValuesBelongToTheSessionNotTheToken() async throws {
        let server = try await ServerHarness.start()
        let token = try await SessionClient.token(server, .admin, label: "ubnd")
        var first = try await SessionClient(server)
        var second = try await SessionClient(server)
        _ = try await first.signIn(token)
        _ = try await second.signIn(token)
        _ = try await first.get("/notices/new")
        _ = try await second.get("/notices/new")
        let firstCSRF = try #require(first.csrf)
        #expect(firstCSRF != second.csrf, "one token, two sessions, two CSRF values")
        let forged = try await second.post("/notices/\(server.notice.id)/cancel", csrf: firstCSRF)
        #expect(forged.status == 403, "another session's value is refused")
        let offSite = try await second.post("/notices/\(server.notice.id)/cancel", origin: "https://evil.example")
        #expect(offSite.status == 403, "a form posted from another site is refused even with the value")
        #expect(try await server.store.notice(id: server.notice.id)?.status == .active, "nothing changed")
        await server.stop()
    }

    @Test
    func sessionsEndWhenIdleAtTheirLimitAndWhenTheTokenIsRevokedOrExpires() async throws {
        let clock = Clock()
        let server = try await ServerHarness.start(now: { clock.now })
        let token = try await SessionClient.token(server, .auditor, label: "kiem-tra")
        var idle = try await SessionClient(server)
        var busy = try await SessionClient(server)
        _ = try await idle.signIn(token)
        _ = try await busy.signIn(token)
        for _ in 0..<11 {
            clock.advance(3600)
            #expect(try await busy.get("/notices/\(server.notice.id)").status == 200, "a session in use lives on")
        }
        #expect(try await idle.get("/notices/\(server.notice.id)").status == 303, "two hours unused: ended")
        clock.advance(3600)
        #expect(try await busy.get("/notices/\(server.notice.id)").status == 303, "twelve hours after sign-in: ended however busy")

        var revoked = try await SessionClient(server)
        _ = try await revoked.signIn(token)
        #expect(try await revoked.get("/notices/\(server.notice.id)").status == 200)
        let id = try #require(try await server.store.tokens().first { $0.label == "kiem-tra" }?.id)
        _ = try await server.store.revokeToken(id: id, actor: "test", at: clock.now)
        #expect(try await revoked.get("/notices/\(server.notice.id)").status == 303, "revoked: the session ends at once")
        #expect(try await server.request(.get, "/api/notices", headers: ["Authorization": "Bearer " + token]).status == 401)
        var again = try await SessionClient(server)
        #expect(try await again.signIn(token).status == 401, "and it signs in no more")

        let expiring = APIToken.generate()
        try await server.store.createToken(
            TokenRecord(hash: APIToken.hash(expiring), role: .auditor, scopes: [], label: "tam-thoi", createdAt: clock.now,
                        expiresAt: clock.now + 1800), actor: "test")
        var temporary = try await SessionClient(server)
        _ = try await temporary.signIn(expiring)
        #expect(try await temporary.get("/notices/\(server.notice.id)").status == 200)
        #expect(try await server.request(.get, "/api/notices", headers: ["Authorization": "Bearer " + expiring]).status == 200)
        clock.advance(1800)
        #expect(try await temporary.get("/notices/\(server.notice.id)").status == 303, "the token expired: so did its session")
        #expect(try await server.request(.get, "/api/notices", headers: ["Authorization": "Bearer " + expiring]).status == 401)
        await server.stop()
    }

    @Test
    func anHTTPSPublicURLGivesSecureHostPrefixedCookies() async throws {
        let origin = "https://loa.example.gov.vn"
        let server = try await ServerHarness.start(publicURL: origin)
        let token = try await SessionClient.token(server, .auditor, label: "kiem-tra")
        var browser = try await SessionClient(server)
        let login = try #require(browser.cookies["__Host-loa_login"], "\(browser.cookies)")
        #expect(!login.isEmpty)
        let response = try await browser.signIn(token, origin: origin)
        #expect(response.status == 303)
        let setCookie = try #require(response.headers.values(for: "Set-Cookie").first { $0.hasPrefix("__Host-loa_session=") })
        for attribute in ["Secure", "HttpOnly", "SameSite=Strict", "Path=/"] { #expect(setCookie.contains(attribute), "\(attribute)") }
        #expect(!setCookie.contains("Domain"))
        #expect(try await browser.get("/notices/\(server.notice.id)").status == 200)
        await server.stop()
    }
}
