import Foundation
import LoaChannels
import LoaConfig
import LoaCore
import LoaHTTP
import LoaServer
import LoaStore
import Logging
import ServiceLifecycle
import Testing

/// Sign-in with a one-time code sent through the commune's own channel (issue 19), end to end: the
/// code leaves Loa for a real loopback webhook receiver, is read there, and signs the person in.
@Suite("Staff accounts: one-time codes", .serialized)
struct CodeSignInTests {
    @Test
    func aCodeSentThroughTheChannelSignsThePersonIn() async throws {
        let receiver = try LoopbackReceiver()
        defer { receiver.stop() }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("loa-code-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let store = try await StoreLocation.sqlite(path: directory.appendingPathComponent("loa.db").path).open()
        let port = try #require(LoaServer.freeLoopbackPort())
        let configuration = try LoaConfiguration.parse(
            """
            [commune]
            name = "Xã Hải Lạng"
            [server]
            listen = "127.0.0.1:\(port)"
            public_url = "http://127.0.0.1:\(port)"
            hook_secret = "hook-secret-for-code-tests"
            [[channels]]
            name = "zalo"
            kind = "zalo-zns"
            app_id = "3021948576"
            secret_key = "oa-secret"
            access_token = "zns-access-token"
            template_id = "245678"
            template_params = { ten = "name", tieu_de = "title", nut_xac_nhan = "link_token" }
            base_url = "http://127.0.0.1:9"
            [[channels]]
            name = "tin-nhan"
            kind = "webhook"
            url = "http://127.0.0.1:\(receiver.port)/staff"
            """, source: "test", environment: [:])
        var logger = Logger(label: "test.code")
        logger.logLevel = .critical
        var setup = ServerSetup(store: store, configuration: configuration, adapters: [], logger: logger)
        setup.adapters = Dictionary(uniqueKeysWithValues: try configuration.channels.map { ($0.name, try ChannelRegistry.adapter(for: $0)) })
        let (running, announce) = AsyncStream.makeStream(of: Int.self)
        let application = try LoaServer.application(setup, listen: configuration.server.listen) { announce.yield($0) }
        let group = ServiceGroup(services: [application], logger: logger)
        let task = Task { try await group.run() }
        for await _ in running { break }
        defer { task.cancel() }

        let account = try await store.createAccount(
            AccountRecord(phone: try PhoneNumber(parsing: "0912222000"), name: "Chị Hoa", passwordHash: nil, role: .auditor, scopes: [],
                createdAt: Date()),
            tokenHash: Passwords.unusableTokenHash(), actor: "test")
        var browser = Browser(base: "http://127.0.0.1:\(port)")
        try await browser.get("/login")
        let asked = try await browser.post("/login/code", [("phone", "0912 222 000")])
        #expect(asked.status == 200)
        #expect(String(decoding: asked.body, as: UTF8.self).contains("name=\"code\""), "the code form follows")
        let body = try #require(receiver.received.last, "the text reached the gateway")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])
        #expect((json["recipient"] as? [String: Any])?["phone"] as? String == "+84912222000")
        let text = try #require(json["body"] as? String)
        let code = String(try #require(text.split(separator: " ").first { $0.count == 7 && $0.hasSuffix(".") && $0.dropLast().allSatisfy(\.isNumber) }).dropLast())

        let again = try await browser.post("/login/code", [("phone", "0912222000")])
        #expect(again.status == 429, "one code a minute per account")
        #expect(receiver.received.count == 1, "nobody can flood a phone with codes")
        let unknown = try await browser.post("/login/code", [("phone", "0912999111")])
        #expect(unknown.status == 200 && receiver.received.count == 1, "an unknown phone gets the same page and no text")

        let wrong = try await browser.post("/login/code/verify", [("phone", "0912222000"), ("code", code == "000000" ? "111111" : "000000")])
        #expect(wrong.status == 401)
        let signedIn = try await browser.post("/login/code/verify", [("phone", "+84912222000"), ("code", code)])
        #expect(signedIn.status == 303)
        let own = try await browser.get("/account")
        #expect(own.status == 200 && String(decoding: own.body, as: UTF8.self).contains("Chị Hoa"))
        var replay = Browser(base: browser.base)
        try await replay.get("/login")
        #expect(try await replay.post("/login/code/verify", [("phone", "0912222000"), ("code", code)]).status == 401, "a code is used once")
        let actions = try await store.auditLog(limit: 10).map(\.action)
        #expect(actions.contains("account.code.send") && actions.contains("account.code.use"))
        #expect(account.id != nil)
        await group.triggerGracefulShutdown()
    }

    /// A browser's cookie jar and the sign-in page's CSRF value.
    struct Browser {
        let base: String
        let client = HTTPClient()
        var cookies: [String: String] = [:]
        var csrf = ""

        @discardableResult
        mutating func get(_ path: String) async throws -> HTTPResponse {
            let header = cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")
            let response = try await client.send(HTTPRequest(url: base + path, headers: header.isEmpty ? [:] : ["Cookie": header]))
            absorb(response)
            return response
        }

        @discardableResult
        mutating func post(_ path: String, _ fields: [(String, String)]) async throws -> HTTPResponse {
            var headers: HTTPHeaders = ["Content-Type": "application/x-www-form-urlencoded", "Origin": base]
            headers.add(name: "Cookie", value: cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; "))
            let body = FormEncoding.encode([("csrf", csrf)] + fields)
            let response = try await client.send(HTTPRequest(method: .post, url: base + path, headers: headers, body: Array(body.utf8)))
            absorb(response)
            return response
        }

        private mutating func absorb(_ response: HTTPResponse) {
            for header in response.headers.values(for: "Set-Cookie") {
                let pair = (header.split(separator: ";").first ?? "").split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                guard pair.count == 2 else { continue }
                cookies[String(pair[0])] = pair[1].isEmpty ? nil : String(pair[1])
            }
            let html = String(decoding: response.body, as: UTF8.self)
            if let range = html.range(of: "name=\"csrf\" value=\"") { csrf = String(html[range.upperBound...].prefix { $0 != "\"" }) }
        }
    }
}
