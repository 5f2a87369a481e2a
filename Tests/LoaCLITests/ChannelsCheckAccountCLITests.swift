import Foundation
import LoaSimulator
import LoaTesting
import Testing

/// `loa channels check` reading account states from the simulator: a balance too low for a
/// broadcast, a Twilio trial or suspended account, a number the account does not own, a refused token.
@Suite("loa channels check: account states", .serialized)
struct ChannelsCheckAccountCLITests {
    private func check(_ options: SimulatorOptions, _ channels: (Int) -> String) async throws -> CommandRunner.Result {
        let simulator = GatewaySimulator(options: options)
        let port = try await simulator.start()
        defer { Task { await simulator.stop() } }
        let cli = try CLI()
        // No hook_secret: each callback finding fails alike; these tests read the gateway findings.
        try cli.runner.write("loa.toml", Data(channels(port).utf8))
        return try await cli.run("channels", "check")
    }

    private func finding(_ result: CommandRunner.Result, _ channel: String, _ check: String) -> [String]? {
        ChannelsCheckCLITests.rows(result.stdout).first { $0[0] == channel && $0[1] == check }
    }

    @Test("eSMS balance under 100 segments at price_per_segment warns; zero fails; SpeedSMS with another token fails")
    func balances() async throws {
        var options = SimulatorOptions()
        options.esms.balance = 50_000
        let result = try await check(options) { port in
            """
            [[channels]]
            name = "esms"
            kind = "esms"
            base_url = "http://127.0.0.1:\(port)"
            api_key = "\(ESMSAccount().apiKey)"
            secret_key = "\(ESMSAccount().secretKey)"
            brandname = "UBNDHAILANG"
            price_per_segment = 800
            free_text = true
            [[channels]]
            name = "speed"
            kind = "speedsms"
            base_url = "http://127.0.0.1:\(port)"
            access_token = "revoked-token"
            free_text = true
            """
        }
        #expect(result.status == 1)
        let balance = try #require(finding(result, "esms", "balance"))
        #expect(balance[2] == "warning", "\(balance)")
        #expect(balance[3] == "50000 VND pays for about 62 segments at 800 each: top it up before a broadcast")
        let speed = try #require(finding(result, "speed", "credentials"))
        #expect(speed[2] == "failed" && speed[3].contains("HTTP 401") && speed[3].contains("the access_token was refused"), "\(speed)")
        #expect(finding(result, "speed", "balance") == nil)

        options.esms.balance = 0
        let empty = try await check(options) { port in
            """
            [[channels]]
            name = "esms"
            kind = "esms"
            base_url = "http://127.0.0.1:\(port)"
            api_key = "\(ESMSAccount().apiKey)"
            secret_key = "\(ESMSAccount().secretKey)"
            brandname = "UBNDHAILANG"
            free_text = true
            """
        }
        #expect(finding(empty, "esms", "balance")?[2] == "failed", "\(empty.stdout)")
    }

    @Test("A Twilio trial account warns, a from number the account does not own fails, a suspended account fails")
    func twilioStates() async throws {
        var options = SimulatorOptions()
        options.twilio.type = "Trial"
        options.twilio.senders = ["+15005550006"]
        func twilio(_ port: Int, from: String) -> String {
            """
            [[channels]]
            name = "twilio"
            kind = "twilio"
            base_url = "http://127.0.0.1:\(port)"
            account_sid = "\(TwilioAccount().accountSID)"
            auth_token = "\(TwilioAccount().authToken)"
            from = "\(from)"
            """
        }
        let trial = try await check(options) { twilio($0, from: "+15005550009") }
        #expect(finding(trial, "twilio", "credentials")?[2] == "ok")
        #expect(finding(trial, "twilio", "account")?[2] == "warning")
        let sender = try #require(finding(trial, "twilio", "sender"))
        #expect(sender[2] == "failed" && sender[3].contains("+15005550009 is not a number of this account"), "\(sender)")

        options.twilio.status = "suspended"
        let suspended = try await check(options) { twilio($0, from: "+15005550006") }
        let credentials = try #require(finding(suspended, "twilio", "credentials"))
        #expect(credentials[2] == "failed" && credentials[3].contains("is suspended"), "\(credentials)")
        #expect(finding(suspended, "twilio", "balance") == nil, "nothing more is asked of a suspended account")

        let wrongToken = try await check(SimulatorOptions()) { port in
            twilio(port, from: "+15005550006").replacingOccurrences(of: TwilioAccount().authToken, with: "not-the-token")
        }
        let refused = try #require(finding(wrongToken, "twilio", "credentials"))
        #expect(refused[3] == "Twilio answered HTTP 401, code 20003 \"Authenticate\": account_sid or auth_token is wrong", "\(refused)")
    }

    @Test("Registered templates: one that fits a typical notice is ok; a slot too short warns; none fitting a template-only route fails")
    func templates() async throws {
        let result = try await check(SimulatorOptions()) { port in
            """
            [commune]
            name = "Hải Lạng"
            [[channels]]
            name = "esms"
            kind = "esms"
            base_url = "http://127.0.0.1:\(port)"
            api_key = "\(ESMSAccount().apiKey)"
            secret_key = "\(ESMSAccount().secretKey)"
            brandname = "UBNDHAILANG"
            [[channels.templates]]
            name = "ngan"
            text = "UBND {commune} thong bao: {title:10}"
            [[channels]]
            name = "speed"
            kind = "speedsms"
            base_url = "http://127.0.0.1:\(port)"
            access_token = "\(SpeedSMSAccount().accessToken)"
            [[channels.templates]]
            name = "ngan"
            text = "UBND {commune} thong bao: {title:10}"
            [[channels.templates]]
            name = "hop"
            text = "UBND {commune} moi {name:40} hop luc {meeting_at} tai {place:60}. Xem: {link}"
            """
        }
        let rows = ChannelsCheckCLITests.rows(result.stdout).filter { $0[1] == "templates" }
        let esms = rows.filter { $0[0] == "esms" }
        #expect(esms.map { $0[2] } == ["warning", "failed"], "\(result.stdout)")
        #expect(esms.first?[3].contains("'ngan' cannot carry a typical notice: {title:10} gets") == true, "\(esms)")
        let speed = rows.filter { $0[0] == "speed" }
        #expect(speed.map { $0[2] } == ["warning", "ok"], "\(result.stdout)")
        let hop = try #require(speed.last)
        #expect(hop[3].wholeMatch(of: /'hop' renders a typical notice in \d segments? \((UCS-2|GSM-7), limit \d+\)/) != nil, "\(hop)")
    }
}
