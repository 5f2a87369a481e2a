import Foundation
import LoaChannels
import LoaConfig
import LoaHTTP
import LoaSimulator
import Testing

/// The `zalo-oa` adapter against the simulator, whose OA is its own reading of gateways.md §3.1,
/// §1.6 and §13: which message type goes out, what `-230` leads to, and `checkAccount`.
@Suite("Zalo OA adapter against the simulator")
struct ZaloOASimulatorTests {
    static let user = "7210394857361029384"
    static let message = OutboundMessage(
        messageID: 1, idempotencyKey: "N1M1C0", noticeID: "N1", shortCode: "K7QX", kind: .notice,
        title: "Thông báo họp thôn", body: "Nội dung", recipient: .init(name: "An", phone: nil, zaloID: user))

    static func channel(port: Int, template: Bool) throws -> ChannelConfig {
        let account = ZaloOAAccount()
        var text = """
            [[channels]]
            name = "zalo-oa"
            kind = "zalo-oa"
            base_url = "http://127.0.0.1:\(port)"
            app_id = "\(account.appID)"
            oa_id = "\(account.oaID)"
            secret_key = "\(account.secretKey)"
            access_token = "\(account.accessToken)"

            """
        if template { text += "template_id = \"318204\"\ntemplate_params = { tieu_de = \"title\" }\n" }
        return try #require(try LoaConfiguration.parse(text, environment: [:]).channels.first)
    }

    static func run(_ options: SimulatorOptions, _ body: (Int) async throws -> Void) async throws {
        let simulator = GatewaySimulator(options: options)
        let port = try await simulator.start()
        do { try await body(port) } catch {
            await simulator.stop()
            throw error
        }
        await simulator.stop()
    }

    @Test("A follower not seen writing gets the template; one seen writing gets a consultation text")
    func messageTypeFollowsTheSevenDays() async throws {
        var options = SimulatorOptions()
        options.zaloOA.recentInteractionShare = 0
        let client = HTTPClient()
        defer { client.shutdown() }
        try await Self.run(options) { port in
            let adapter = try ZaloOAAdapter(config: try Self.channel(port: port, template: true))
            #expect(try adapter.makeRequest(for: Self.message).url.hasSuffix("/v3.0/oa/message/template"))
            let sent = try await adapter.send(Self.message, over: client)
            #expect(sent.state == .accepted && sent.gatewayRef != nil)
            // Seen writing (the webhook's user_send_text): a consultation text, which this simulated
            // follower's real history refuses with -230; the next attempt goes as the template.
            adapter.interactions.noteInbound(from: Self.user, at: Date())
            #expect(try adapter.makeRequest(for: Self.message).url.hasSuffix("/v3.0/oa/message/cs"))
            let refused = await #expect(throws: SendError.self) { try await adapter.send(Self.message, over: client) }
            #expect(refused?.kind == .retryable && refused?.gatewayCode == "-230")
            #expect(try adapter.makeRequest(for: Self.message).url.hasSuffix("/v3.0/oa/message/template"))
            #expect(try await adapter.send(Self.message, over: client).state == .accepted)
        }
    }

    @Test("Without a template, -230 falls back to the next channel")
    func noTemplateFallsBack() async throws {
        var options = SimulatorOptions()
        options.zaloOA.recentInteractionShare = 0
        let client = HTTPClient()
        defer { client.shutdown() }
        try await Self.run(options) { port in
            let adapter = try ZaloOAAdapter(config: try Self.channel(port: port, template: false))
            let refused = await #expect(throws: SendError.self) { try await adapter.send(Self.message, over: client) }
            #expect(refused?.kind == .fallback && refused?.gatewayCode == "-230")
        }
    }

    @Test("checkAccount reads the OA profile: the token works; a wrong token fails")
    func checkAccount() async throws {
        let client = HTTPClient()
        defer { client.shutdown() }
        try await Self.run(SimulatorOptions()) { port in
            let adapter = try ZaloOAAdapter(config: try Self.channel(port: port, template: true))
            let items = await adapter.checkAccount(over: client)
            #expect(items.first?.check == "credentials" && items.first?.status == .ok, "\(items)")
            #expect(items.first?.detail.contains(ZaloOAAccount().name) == true)
            #expect(items.contains { $0.check == "templates" && $0.status == .ok })
            var config = try Self.channel(port: port, template: false)
            let plain = await (try ZaloOAAdapter(config: config)).checkAccount(over: client)
            #expect(plain.contains { $0.check == "templates" && $0.status == .warning }, "no template: consultation only")
            config.secrets["access_token"] = Secret("not-the-token")
            let refused = await (try ZaloOAAdapter(config: config)).checkAccount(over: client)
            #expect(refused.first?.status == .failed && refused.first?.detail.contains("-216") == true, "\(refused)")
        }
    }
}
