import Foundation
import LoaChannels
import LoaCore
import LoaHTTP
import LoaSimulator
import LoaStore
import Testing

/// The channels page (issue 19) through the real server, with an eSMS channel on the in-process
/// gateway simulator: what `loa channels` shows, the check, and a test send to the staff's phone.
@Suite("Channels page", .serialized)
struct ChannelsPageTests {
    /// The harness's `zalo` (ZNS) and `sms` channels, plus `esms-sim` and `esms-bad` (a refused key) on the simulator.
    private static func start() async throws -> (ServerHarness, GatewaySimulator) {
        let simulator = GatewaySimulator(options: SimulatorOptions())
        let port = try await simulator.start()
        let account = ESMSAccount()
        let server = try await ServerHarness.start(
            extraChannels: """
                rate = "20/s"
                [[channels]]
                name = "esms-sim"
                kind = "esms"
                base_url = "http://127.0.0.1:\(port)"
                api_key = "\(account.apiKey)"
                secret_key = "\(account.secretKey)"
                brandname = "UBNDHAILANG"
                free_text = true
                [[channels]]
                name = "esms-bad"
                kind = "esms"
                base_url = "http://127.0.0.1:\(port)"
                api_key = "refused-key"
                secret_key = "refused-secret"
                brandname = "UBNDHAILANG"
                free_text = true
                """)
        return (server, simulator)
    }

    @Test("Lists each channel with kind, rate, callback URLs (masked unless asked), Zalo token and ZNS quota")
    func listing() async throws {
        let (server, simulator) = try await Self.start()
        let now = Date()
        try await server.store.saveChannelQuotas([
            ChannelQuota(channel: "zalo", daily: 500, remaining: 120, resetsAt: now.addingTimeInterval(3600), updatedAt: now)
        ])
        try await server.store.saveChannelCredentials(
            ChannelCredentials(
                channel: "zalo", accessToken: "stored-access", refreshToken: "stored-refresh", expiresAt: now.addingTimeInterval(86_400),
                refreshedAt: now))
        var browser = try await FollowUpTests.signedIn(server, .admin, label: "van-phong")
        let page = try await browser.get("/channels").bodyText
        for name in ["zalo", "sms", "esms-sim", "esms-bad"] { #expect(page.contains("id=\"channel-\(name)\""), "\(name)") }
        #expect(page.contains("(zalo-zns)") && page.contains("(esms)") && page.contains("20/s"))
        #expect(page.contains("còn 120 trên 500"), "ZNS quota left")
        #expect(page.contains("hết hạn lúc") && page.contains("làm mới lúc"), "the stored token's state")
        #expect(page.contains("Một địa chỉ webhook cho ứng dụng Zalo"))
        let segment = HookSecret(master: ServerHarness.hookSecret, channel: "sms").pathSegment
        #expect(page.contains("\(server.base)/hooks/sms/\(HookURLs.mask)/status"))
        #expect(!page.contains("/inbound"), "eSMS forwards no replies: no inbound URL to register")
        #expect(!page.contains(segment) && !page.contains("esms-secret") && !page.contains("stored-access"), "no secret shown")
        let shown = try await browser.get("/channels?show=1").bodyText
        #expect(shown.contains("\(server.base)/hooks/sms/\(segment)/status"))
        #expect(!shown.contains("esms-secret") && !shown.contains("stored-access"), "only the URLs' secret is shown")
        #expect(page.contains("<input type=\"tel\" name=\"phone\""), "a token sign-in has no phone: the form asks")

        var auditor = try await FollowUpTests.signedIn(server, .auditor, label: "kiem-tra")
        #expect(try await auditor.get("/channels").status == 403)
        _ = try await auditor.get("/")
        #expect(try await auditor.post("/channels/check", [("channel", "esms-sim")]).status == 403)
        await server.stop()
        await simulator.stop()
    }

    @Test("Kiểm tra asks the simulated gateway and shows the findings under the channel")
    func check() async throws {
        let (server, simulator) = try await Self.start()
        var browser = try await FollowUpTests.signedIn(server, .admin, label: "van-phong")
        _ = try await browser.get("/channels")
        let checked = try await browser.post("/channels/check", [("channel", "esms-sim")])
        #expect(checked.status == 200)
        let page = checked.bodyText
        #expect(page.contains("Kết quả kiểm tra"))
        #expect(page.contains("<strong>credentials</strong>: <span class=\"ok\">tốt</span>"), "\(page)")
        #expect(page.contains("<strong>balance</strong>"))
        #expect(page.contains("<strong>callback</strong>"))
        #expect(simulator.stats.dialects["esms"]?.sends ?? 0 == 0, "a check sends nothing")
        let bad = try await browser.post("/channels/check", [("channel", "esms-bad")]).bodyText
        #expect(bad.contains("<strong>credentials</strong>: <span class=\"warn\">lỗi</span>"), "\(bad)")
        #expect(!bad.contains("refused-secret"))
        #expect(try await browser.post("/channels/check", [("channel", "khong-co")]).status == 404)
        await server.stop()
        await simulator.stop()
    }

    @Test("A test send reaches the simulator from the staff's phone number, and a failure is shown; both audited")
    func testSend() async throws {
        let (server, simulator) = try await Self.start()
        var browser = try await FollowUpTests.signedIn(server, .admin, label: "van-phong")
        _ = try await browser.get("/channels")
        let audit = try await server.store.auditLog(limit: 100).count
        let noPhone = try await browser.post("/channels/esms-sim/test", [("phone", "12345")])
        #expect(noPhone.status == 400 && noPhone.bodyText.contains("Số điện thoại nhận tin thử không hợp lệ"))
        #expect(try await server.store.auditLog(limit: 100).count == audit, "nothing sent, nothing audited")

        let sent = try await browser.post("/channels/esms-sim/test", [("phone", "0912 000 111")])
        #expect(sent.status == 200)
        #expect(sent.bodyText.contains("Đã gửi tin thử qua kênh esms-sim tới 0912000111."))
        #expect(simulator.stats.dialects["esms"]?.accepted == 1, "the simulated gateway took one text")
        let entry = try #require(try await server.store.auditLog(limit: 1).first)
        #expect(entry.action == "channel.test" && entry.actor == "token:van-phong" && entry.subject == "esms-sim")
        #expect(entry.detail == "sent to +84912000111 through esms-sim")

        let failed = try await browser.post("/channels/esms-bad/test", [("phone", "0912000111")])
        #expect(failed.status == 502 && failed.bodyText.contains("Gửi thử không được qua kênh esms-bad"))
        #expect(!failed.bodyText.contains("refused-secret"))
        let failure = try #require(try await server.store.auditLog(limit: 1).first)
        #expect(failure.action == "channel.test" && failure.detail?.hasPrefix("failed to +84912000111") == true)
        #expect(try await browser.post("/channels/khong-co/test", [("phone", "0912000111")]).status == 404)
        await server.stop()
        await simulator.stop()
    }

    @Test("A staff account's test send goes to the account's own phone, with no phone to type")
    func accountTestSend() async throws {
        let (server, simulator) = try await Self.start()
        try await AccountTests.account(server, phone: "0912000333", role: .admin, name: "Chủ tịch xã")
        var browser = try await AccountTests.signedIn(server, phone: "0912000333")
        let page = try await browser.get("/channels").bodyText
        #expect(!page.contains("name=\"phone\""), "the account's phone is known")
        let sent = try await browser.post("/channels/esms-sim/test", [("phone", "0987654321")])
        #expect(sent.status == 200 && sent.bodyText.contains("tới 0912000333."), "never another number than the account's")
        #expect(simulator.stats.dialects["esms"]?.accepted == 1)
        let entry = try #require(try await server.store.auditLog(limit: 1).first)
        #expect(entry.actor == "account:+84912000333" && entry.detail == "sent to +84912000333 through esms-sim")
        await server.stop()
        await simulator.stop()
    }
}
