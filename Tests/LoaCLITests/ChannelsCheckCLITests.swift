import Foundation
import LoaServer
import LoaSimulator
import LoaTesting
import Testing

/// `loa channels check` end to end: the real `loa` binary asking the gateway simulator (and a real
/// `loa run` for the public-address checks), in text and JSON.
@Suite("loa channels check", .serialized)
struct ChannelsCheckCLITests {
    /// The simulator's default credentials on every SMS gateway and a webhook receiver.
    static func channels(simulator port: Int, esmsSecret: String = ESMSAccount().secretKey) -> String {
        let base = "http://127.0.0.1:\(port)"
        return """
            [[channels]]
            name = "esms"
            kind = "esms"
            base_url = "\(base)"
            api_key = "\(ESMSAccount().apiKey)"
            secret_key = "\(esmsSecret)"
            brandname = "UBNDHAILANG"
            price_per_segment = 800
            [[channels.templates]]
            name = "hop"
            text = "UBND {commune} thong bao: {title:60}. Chi tiet: {link}"

            [[channels]]
            name = "speed"
            kind = "speedsms"
            base_url = "\(base)"
            access_token = "\(SpeedSMSAccount().accessToken)"
            free_text = true

            [[channels]]
            name = "twilio"
            kind = "twilio"
            base_url = "\(base)"
            account_sid = "\(TwilioAccount().accountSID)"
            auth_token = "\(TwilioAccount().authToken)"
            from = "+15005550006"

            [[channels]]
            name = "kannel"
            kind = "kannel"
            base_url = "\(base)"
            username = "\(KannelAccount().username)"
            password = "\(KannelAccount().password)"

            [[channels]]
            name = "hook"
            kind = "webhook"
            url = "\(base)/webhook/loa"
            """
    }

    static let secrets = [
        ESMSAccount().apiKey, ESMSAccount().secretKey, SpeedSMSAccount().accessToken, TwilioAccount().authToken,
        KannelAccount().password, "check-test-hook-secret",
    ]

    /// The text listing's rows, each split into its four columns.
    static func rows(_ stdout: String) -> [[String]] {
        stdout.split(separator: "\n").dropFirst().map { line in
            line.split(separator: "  ", omittingEmptySubsequences: true).map { $0.trimmingCharacters(in: .whitespaces) }
        }
    }

    @Test("Every gateway answers ok against the simulator; Loa's own loopback address is a warning; text and JSON")
    func allGatewaysOK() async throws {
        let simulator = GatewaySimulator(options: SimulatorOptions())
        let simulatorPort = try await simulator.start()
        defer { Task { await simulator.stop() } }
        let cli = try CLI()
        let port = try #require(LoaServer.freeLoopbackPort())
        let server = """
            [commune]
            name = "Hải Lạng"
            [server]
            listen = "127.0.0.1:\(port)"
            public_url = "http://127.0.0.1:\(port)"
            hook_secret = "check-test-hook-secret"
            zalo_site_verification = "ChkCode42"

            """
        try cli.runner.write("loa.toml", Data((server + Self.channels(simulator: simulatorPort)).utf8))
        let run = try cli.runner.start(["run"], log: "run.log")
        defer { run.terminate() }
        try await TestHTTPServerProbe(port: port).waitUntilServing()

        let text = try await cli.run("channels", "check")
        #expect(text.status == 0, "\(text.stdout)\n\(text.stderr)")
        let header = text.stdout.prefix { $0 != "\n" }.split(separator: " ", omittingEmptySubsequences: true)
        #expect(header == ["channel", "check", "status", "detail"], "\(text.stdout)")
        let rows = Self.rows(text.stdout)
        #expect(rows.allSatisfy { $0.count == 4 && ["ok", "warning"].contains($0[2]) }, "\(text.stdout)")
        func row(_ channel: String, _ check: String) -> [String]? {
            rows.first { $0[0] == channel && $0[1] == check }
        }
        for channel in ["esms", "speed", "twilio", "kannel"] {
            #expect(row(channel, "credentials")?[2] == "ok", "\(channel): \(text.stdout)")
            let callback = try #require(row(channel, "callback"))
            #expect(callback[2] == "warning" && callback[3].contains("gateways on the internet cannot reach"), "\(callback)")
        }
        #expect(row("esms", "balance")?[3] == "2000000 VND, about 2500 segments at 800 each")
        #expect(row("esms", "templates")?[3].hasPrefix("'hop' renders a typical notice in") == true, "\(text.stdout)")
        #expect(row("speed", "balance")?[2] == "ok")
        #expect(row("twilio", "sender")?[2] == "ok" && row("twilio", "balance")?[2] == "ok")
        #expect(row("kannel", "credentials")?[3].contains("nothing sent") == true)
        #expect(row("hook", "receiver")?[2] == "ok" && row("hook", "callback") == nil, "a webhook takes no callbacks")
        #expect(text.stderr.contains("no check failed (4 warnings) across 5 channels"), "\(text.stderr)")
        for secret in Self.secrets { #expect(!text.stdout.contains(secret) && !text.stderr.contains(secret)) }

        let json = try await cli.run("channels", "check", "--format", "json")
        #expect(json.status == 0, "\(json.stderr)")
        let reports = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(reports.map { $0["channel"] as? String } == ["esms", "speed", "twilio", "kannel", "hook"])
        #expect(reports.map { $0["kind"] as? String } == ["esms", "speedsms", "twilio", "kannel", "webhook"])
        for report in reports {
            #expect(Set(report.keys) == ["channel", "kind", "checks"])
            let checks = try #require(report["checks"] as? [[String: Any]])
            #expect(!checks.isEmpty)
            for check in checks {
                #expect(Set(check.keys) == ["check", "status", "detail"], "\(check)")
                #expect(["ok", "warning"].contains(check["status"] as? String))
            }
        }
        let stats = simulator.stats
        #expect(stats[.esms].sends == 0 && stats[.speedsms].sends == 0 && stats[.twilio].sends == 0 && stats[.webhook].sends == 0)
        #expect(stats[.kannel].accepted == 0, "the Kannel check names no receiver")

        // Zalo's domain verification, served by this loa run, as a Zalo channel's check sees it.
        try cli.runner.write("zalo.toml", Data((server + """
            [[channels]]
            name = "zalo"
            kind = "zalo-oa"
            base_url = "http://127.0.0.1:\(simulatorPort)"
            app_id = "\(ZaloOAAccount().appID)"
            access_token = "\(ZaloOAAccount().accessToken)"
            secret_key = "\(ZaloOAAccount().secretKey)"
            """).utf8))
        let zalo = try await cli.run("--config", "zalo.toml", "channels", "check", "zalo", "--format", "json")
        let zaloReport = try #require((try JSONSerialization.jsonObject(with: Data(zalo.stdout.utf8)) as? [[String: Any]])?.first)
        let verification = try #require((zaloReport["checks"] as? [[String: Any]])?.first { $0["check"] as? String == "verification" })
        #expect(verification["status"] as? String == "ok", "\(verification)")
        #expect((verification["detail"] as? String)?.contains("/zalo_verifierChkCode42.html and the meta tag") == true, "\(verification)")
    }

    @Test("A wrong eSMS secret fails naming eSMS's answer; a public_url where nothing listens fails the callback; exit 1")
    func failures() async throws {
        let simulator = GatewaySimulator(options: SimulatorOptions())
        let simulatorPort = try await simulator.start()
        defer { Task { await simulator.stop() } }
        let cli = try CLI()
        let nowhere = try TestHTTPServer.closedPort()
        try cli.runner.write("loa.toml", Data(("""
            [server]
            public_url = "http://127.0.0.1:\(nowhere)"
            hook_secret = "check-test-hook-secret"

            """ + Self.channels(simulator: simulatorPort, esmsSecret: "wrong-esms-secret")).utf8))

        let text = try await cli.run("channels", "check", "esms")
        #expect(text.status == 1)
        #expect(text.stderr.contains("loa: 2 checks failed (0 warnings)"), "\(text.stderr)")
        let rows = Self.rows(text.stdout)
        #expect(rows.map { $0[1] } == ["credentials", "templates", "callback"], "no balance without credentials: \(text.stdout)")
        let credentials = try #require(rows.first)
        #expect(credentials[2] == "failed")
        #expect(credentials[3].hasPrefix("eSMS answered 101 \"Authorize Failed\": ApiKey or SecretKey refused"), "\(credentials)")
        let callback = try #require(rows.last)
        #expect(callback[2] == "failed" && callback[3].contains("http://127.0.0.1:\(nowhere)/healthz did not answer"), "\(callback)")
        #expect(!text.stdout.contains("wrong-esms-secret") && !text.stderr.contains("wrong-esms-secret"))

        let json = try await cli.run("channels", "check", "esms", "--format", "json")
        #expect(json.status == 1)
        let reports = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        let statuses = (reports.first?["checks"] as? [[String: Any]])?.map { $0["status"] as? String }
        #expect(statuses == ["failed", "ok", "failed"])
        #expect(simulator.stats[.esms].sends == 0)
    }

    @Test("Without hook_secret every callback channel fails; an unknown channel name is refused")
    func noHookSecret() async throws {
        let cli = try CLI()
        let closed = try TestHTTPServer.closedPort()
        try cli.runner.write("loa.toml", Data(Self.channels(simulator: closed).utf8))
        let result = try await cli.run("channels", "check", "kannel")
        #expect(result.status == 1)
        let rows = Self.rows(result.stdout)
        #expect(rows.first { $0[1] == "credentials" }?[3].contains("did not answer") == true, "\(result.stdout)")
        let callback = try #require(rows.first { $0[1] == "callback" })
        #expect(callback[2] == "failed" && callback[3].hasPrefix("no [server] hook_secret"), "\(callback)")
        let unknown = try await cli.run("channels", "check", "zalo")
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("no channel named 'zalo'; configured: esms, speed, twilio, kannel, hook"), "\(unknown.stderr)")
    }
}
