import Foundation
import LoaChannels
import LoaServer
import LoaSimulator
import Testing

/// `loa run` with its server, the simulator's signed Zalo receipts coming back, then `loa report`,
/// `loa unread`, `loa ack` and `loa channels` as an auditor would use them (SPEC §3).
@Suite("loa report, unread, ack, channels", .serialized)
struct TrackingCLITests {
    @Test
    func receiptsComeBackAndTheReportsAndListsAgree() async throws {
        let cli = try CLI()
        _ = try await cli.ok("residents", "import", try cli.fixture("messy-excel.csv"))
        let serverPort = try #require(LoaServer.freeLoopbackPort())
        let hookSecret = "cli-test-hook-secret-9b2d"
        var options = SimulatorOptions()
        options.seed = 7
        let zaloHooks = HookURLs(publicURL: "http://127.0.0.1:\(serverPort)", secret: HookSecret(master: hookSecret, channel: "zalo"))
        options.zalo.callbackURL = zaloHooks.status
        options.callbackDelay = .milliseconds(50) ... .milliseconds(300)
        options.duplicateCallbackRate = 0.5
        let simulator = GatewaySimulator(options: options)
        let port = try await simulator.start()
        _ = try cli.runner.write(
            "loa.toml",
            Data("""
                [commune]
                name = "Xã Thử"
                quiet_hours = "none"
                [server]
                listen = "127.0.0.1:\(serverPort)"
                public_url = "https://loa.example.gov.vn"
                hook_secret = "\(hookSecret)"
                [[channels]]
                name = "zalo"
                kind = "zalo-zns"
                base_url = "http://127.0.0.1:\(port)"
                app_id = "\(options.zalo.appID)"
                secret_key = "\(options.zalo.secretKey)"
                access_token = "\(options.zalo.accessToken)"
                template_id = "245881"
                receipt_timeout = "30s"
                template_params = { ho_ten = "name", tieu_de = "title", nut = "link" }
                [[channels]]
                name = "sms"
                kind = "esms"
                base_url = "http://127.0.0.1:\(port)"
                api_key = "\(options.esms.apiKey)"
                secret_key = "\(options.esms.secretKey)"
                brandname = "UBND XA"
                free_text = true
                """.utf8))
        let id = try await cli.ok(
            "notice", "create", "--kind", "convocation", "--title", "Họp thôn", "--body", "Kính mời bà con dự họp.",
            "--to", "all", "--meeting", "2030-01-12 08:00", "--channels", "zalo>sms"
        ).trimmingCharacters(in: .whitespacesAndNewlines)
        let run = try await cli.run("run", "--until-idle", "--workers", "4")
        #expect(run.status == 0, "\(run.stderr)")
        await simulator.stop()

        // zalo>sms: each Zalo message waits for its receipt (receipt_timeout) before `--until-idle` ends.
        let report = try #require(try await cli.json("report", id, "--by", "hamlet") as? [String: Any])
        let targeted = try #require(report["targeted"] as? Int)
        #expect(targeted > 3)
        #expect(report["delivered"] as? Int == targeted, "every signed receipt was recorded: \(report)")
        #expect(report["reached"] as? Int == 0 && report["reach"] as? Double == 0)
        let rows = try #require(report["by"] as? [[String: Any]])
        #expect(rows.map { $0["targeted"] as? Int ?? 0 }.reduce(0, +) == targeted)

        let ack = try await cli.ok("ack", id, "--resident", "0912 345 678", "--via", "in-person")
        #expect(ack.contains("acknowledged"))
        let again = try await cli.ok("ack", id, "--resident", "+84912345678", "--via", "phone-call")
        #expect(again.contains("already acknowledged"))
        let stranger = try await cli.run("ack", id, "--resident", "0399999999", "--via", "in-person")
        #expect(stranger.status == 1 && stranger.stderr.contains("was not targeted"))

        let after = try #require(try await cli.json("report", id) as? [String: Any])
        #expect(after["acknowledged"] as? Int == 1 && after["reached"] as? Int == 1)
        let unread = try #require(try await cli.json("unread", id) as? [[String: Any]])
        #expect(unread.count == targeted - 1)
        #expect(!unread.contains { $0["phone"] as? String == "0912345678" })
        #expect(unread.allSatisfy { $0["state"] as? String == "delivered" })
        let csv = try await cli.ok("unread", id, "--format", "csv", "--hamlet", "Thông Nhất")
        #expect(csv.hasPrefix("resident,name,phone,hamlet,state,last_error\r\n"))
        #expect(csv.contains("Trần Thị Bình,0987654321,Thông Nhất,delivered,"))
        let text = try await cli.ok("report", id, "--by", "hamlet")
        #expect(text.contains("below the 80.0 % target"))

        let replies = try #require(try await cli.json("replies") as? [[String: Any]])
        #expect(replies.isEmpty, "nobody wrote back in this rehearsal")

        let channels = try #require(try await cli.json("channels") as? [[String: Any]])
        let urls = try #require(channels.first?["callback_urls"] as? [String: String])
        // SPEC §3: the secret part is masked unless --show-secrets; the configured hook_secret never shows.
        #expect(urls["status"] == "https://loa.example.gov.vn/hooks/zalo/••••••/status")
        let segment = HookSecret(master: hookSecret, channel: "zalo").pathSegment
        for format in ["json", "text", "csv"] {
            let listing = try await cli.ok("channels", "--format", format)
            #expect(!listing.contains(options.zalo.accessToken) && !listing.contains(options.zalo.secretKey))
            #expect(!listing.contains(hookSecret) && !listing.contains(segment), "\(format): \(listing)")
        }
        let shown = try #require(try await cli.json("channels", "--show-secrets") as? [[String: Any]])
        let whole = try #require(shown.first?["callback_urls"] as? [String: String])
        #expect(whole["status"] == "https://loa.example.gov.vn/hooks/zalo/\(segment)/status")
        #expect(!(try await cli.ok("channels", "--show-secrets", "--format", "json")).contains(hookSecret))
    }
}
