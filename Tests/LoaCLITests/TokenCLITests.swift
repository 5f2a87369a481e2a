import Foundation
import LoaChannels
import LoaHTTP
import LoaServer
import LoaTesting
import Testing

/// `loa token create|list|revoke` (SPEC §3, issue 18).
@Suite("loa token", .serialized)
struct TokenCLITests {
    @Test
    func tokensAreListedWithTheirLifetimeAndALabelNamesOneHolder() async throws {
        let cli = try CLI()
        _ = try await cli.ok("residents", "import", try cli.fixture("messy-excel.csv"))
        let admin = try await cli.ok("token", "create", "--role", "admin", "--label", "ubnd").trimmingCharacters(in: .whitespacesAndNewlines)
        let created = try #require(
            try await cli.json("token", "create", "--role", "sender", "--scope", "group:Hội Nông dân", "--label", "truong-thon", "--expires", "30d")
                as? [String: Any])
        #expect(created["expires"] is String && created["id"] is Int)
        for clash in ["truong-thon", "Truong-Thon"] {
            let duplicate = try await cli.run("token", "create", "--role", "sender", "--scope", "group:Hội Nông dân", "--label", clash)
            #expect(duplicate.status == 1 && duplicate.stderr.contains("already taken"), "\(clash): \(duplicate.stderr)")
        }
        let badExpiry = try await cli.run("token", "create", "--role", "auditor", "--label", "kiem-tra", "--expires", "soon")
        #expect(badExpiry.status == 1 && badExpiry.stderr.contains("--expires"))
        let posing = try await cli.run("token", "create", "--role", "admin", "--label", "Account:+84912000001")
        #expect(posing.status == 1 && posing.stderr.contains("must not start with 'account:'"), "\(posing.stderr)")

        let listed = try #require(try await cli.json("token", "list") as? [[String: Any]])
        #expect(listed.count == 2, "refused creations stored nothing")
        for token in listed {
            #expect(Set(token.keys) == ["id", "role", "scopes", "label", "created", "expires", "revoked"])
        }
        #expect(listed.map { $0["label"] as? String } == ["ubnd", "truong-thon"])
        #expect(listed[0]["expires"] is NSNull && listed[0]["revoked"] is NSNull)
        #expect(listed[1]["scopes"] as? [String] == ["group:Hội Nông dân"] && listed[1]["expires"] is String)
        let text = try await cli.ok("token", "list")
        #expect(text.contains("revoked") && text.contains("truong-thon") && !text.contains(admin) && !text.contains(APIToken.hash(admin)))

        let id = try #require(listed[1]["id"] as? Int)
        #expect(try await cli.ok("token", "revoke", String(id)).isEmpty)
        let after = try #require(try await cli.json("token", "list") as? [[String: Any]])
        #expect(after[1]["revoked"] is String && after[0]["revoked"] is NSNull)
        let missing = try await cli.run("token", "revoke", "999")
        #expect(missing.status == 1 && missing.stderr.contains("no token with id 999"))
    }

    @Test
    func aRevokedTokenStopsAtOnceOnTheAPIAndTheDashboard() async throws {
        let cli = try CLI()
        _ = try await cli.ok("residents", "import", try cli.fixture("messy-excel.csv"))
        let port = try #require(LoaServer.freeLoopbackPort())
        _ = try cli.runner.write(
            "loa.toml",
            Data("""
                [commune]
                name = "Xã Hải Lạng"
                [server]
                listen = "127.0.0.1:\(port)"
                public_url = "http://127.0.0.1:\(port)"
                hook_secret = "token-test-hook-secret"
                [[channels]]
                name = "sms"
                kind = "webhook"
                url = "http://127.0.0.1:\(try TestHTTPServer.closedPort())/unused"
                """.utf8))
        let token = try await cli.ok("token", "create", "--role", "auditor", "--label", "kiem-tra").trimmingCharacters(in: .whitespacesAndNewlines)
        let server = try cli.runner.start(["run"], log: "run.log")
        defer { server.terminate() }
        try await TestHTTPServerProbe(port: port).waitUntilServing()
        let base = "http://127.0.0.1:\(port)"
        let http = HTTPClient()
        defer { http.shutdown() }
        func send(_ method: HTTPRequest.Method, _ path: String, _ headers: HTTPHeaders, _ body: String? = nil) async throws -> HTTPResponse {
            try await http.send(HTTPRequest(method: method, url: base + path, headers: headers, body: body.map { Array($0.utf8) }, timeout: testAnswerTimeout))
        }
        let bearer: HTTPHeaders = ["Authorization": "Bearer " + token]
        #expect(try await send(.get, "/api/notices", bearer).status == 200)

        // Sign in on the dashboard as a browser does.
        let login = try await send(.get, "/login", [:])
        let loginCookie = String(try #require(login.headers.values(for: "Set-Cookie").first).split(separator: ";")[0])
        let html = String(decoding: login.body, as: UTF8.self)
        let field = try #require(html.range(of: "name=\"csrf\" value=\""))
        let csrf = String(html[field.upperBound...].prefix { $0 != "\"" })
        let signedIn = try await send(
            .post, "/login", ["Origin": base, "Cookie": loginCookie, "Content-Type": "application/x-www-form-urlencoded"],
            FormEncoding.encode([("csrf", csrf), ("token", token)]))
        #expect(signedIn.status == 303)
        let session = String(try #require(signedIn.headers.values(for: "Set-Cookie").first { $0.hasPrefix("loa_session=") }).split(separator: ";")[0])
        #expect(!session.contains(APIToken.hash(token)), "the cookie carries a session id, not the token's hash")
        #expect(try await send(.get, "/", ["Cookie": session]).status == 200)

        _ = try await cli.ok("token", "revoke", "1")
        #expect(try await send(.get, "/api/notices", bearer).status == 401, "the API refuses it at once")
        // `/` is the public landing page for anyone without a session (issue 17); a dashboard page is not.
        let page = try await send(.get, "/notices/new", ["Cookie": session])
        #expect(page.status == 303 && page.headers["Location"]?.hasPrefix("/login") == true, "the dashboard session ended")
    }
}
