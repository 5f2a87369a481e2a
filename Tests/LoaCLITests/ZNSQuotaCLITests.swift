import Foundation
import LoaHTTP
import LoaServer
import LoaSimulator
import Testing

/// A ZNS channel against the simulator runs out of its daily quota (issue 17 §2): the urgent
/// notice's last resident gets the SMS at once, and `loa channels` and `/healthz` — other
/// processes than the one that sent — say the channel is out of quota.
@Suite("ZNS quota across processes", .serialized)
struct ZNSQuotaCLITests {
    @Test
    func aUsedUpQuotaShowsInChannelsAndHealthz() async throws {
        let cli = try CLI()
        let serverPort = try #require(LoaServer.freeLoopbackPort())
        var options = SimulatorOptions()
        options.zalo.dailyQuota = 2
        options.zalo.templates["245881"] = ZNSTemplateSpec(
            name: "Thông báo khẩn",
            params: [.init("ho_ten", maxLength: 30), .init("tieu_de", maxLength: 100), .init("ma", type: "URL", maxLength: 200)],
            buttonURL: "http://127.0.0.1:\(serverPort)/m/<ma>")
        let simulator = GatewaySimulator(options: options)
        let port = try await simulator.start()
        defer { Task { await simulator.stop() } }
        try cli.runner.write("residents.csv", Data("""
            name,phone,hamlet
            Nguyễn Văn An,0912345601,Thống Nhất
            Trần Thị Bình,0912345602,Thống Nhất
            Lê Văn Cường,0912345603,Đồng Tâm

            """.utf8))
        try cli.runner.write("loa.toml", Data("""
            [commune]
            name = "Xã Hải Lạng"
            quiet_hours = "none"
            [server]
            listen = "127.0.0.1:\(serverPort)"
            public_url = "http://127.0.0.1:\(serverPort)"
            hook_secret = "zns-quota-test-hook-secret"
            link_secret = "zns-quota-test-link-secret"
            [[channels]]
            name = "zalo"
            kind = "zalo-zns"
            base_url = "http://127.0.0.1:\(port)"
            app_id = "\(options.zalo.appID)"
            oa_id = "\(options.zalo.oaID)"
            secret_key = "\(options.zalo.secretKey)"
            access_token = "\(options.zalo.accessToken)"
            template_id = "245881"
            receipt_timeout = "1s"
            template_params = { ho_ten = "name", tieu_de = "title", ma = "link_token" }
            [[channels]]
            name = "sms"
            kind = "esms"
            base_url = "http://127.0.0.1:\(port)"
            api_key = "\(options.esms.apiKey)"
            secret_key = "\(options.esms.secretKey)"
            brandname = "UBND XA"
            free_text = true

            """.utf8))
        _ = try await cli.ok("residents", "import", "residents.csv")
        _ = try await cli.ok(
            "notice", "create", "--title", "Nước lũ lên", "--body", "Bà con di dời tài sản lên cao ngay.", "--to", "all",
            "--channels", "zalo>sms", "--priority", "urgent", "--no-ack")
        let sent = try await cli.run("run", "--until-idle", "--no-server")
        #expect(sent.status == 0, "\(sent.stderr)")
        #expect(simulator.stats[.zaloZNS].accepted == 2, "the quota of 2 is used")
        // The third resident's SMS goes at once; the other two follow when no receipt comes within 1 s.
        #expect(simulator.stats[.esms].accepted == 3)

        // `loa run` kept the template's limits: a title longer than tieu_de's 100 characters is refused here.
        let long = String(repeating: "Thông báo lịch tiêm phòng ", count: 5)
        let refused = try await cli.run("notice", "create", "--title", long, "--body", "Chi tiết.", "--to", "all")
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("channel zalo: the title has 130 characters; template parameter tieu_de takes at most 100"),
                "\(refused.stderr)")
        let channels = try #require(try await cli.json("channels") as? [[String: Any]])
        let zalo = try #require(channels.first { $0["name"] as? String == "zalo" })
        #expect((zalo["health"] as? String)?.hasPrefix("quota used up until") == true, "\(zalo)")
        let text = try await cli.ok("channels")
        #expect(text.contains("quota used up until"), "\(text)")

        let run = try cli.runner.start(["run"], log: "run.log")
        defer { run.terminate() }
        let client = HTTPClient()
        defer { client.shutdown() }
        var health: [String: Any]?
        for _ in 0..<100 {
            let request = HTTPRequest(url: "http://127.0.0.1:\(serverPort)/healthz", timeout: .seconds(2))
            if let response = try? await client.send(request) {
                #expect(response.status == 503)
                health = try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any]
                break
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(health?["channel.zalo"] as? String == "quota_exhausted", "\(String(describing: health))")
        #expect(health?["status"] as? String == "degraded" && health?["database"] as? String == "ok")
    }
}
