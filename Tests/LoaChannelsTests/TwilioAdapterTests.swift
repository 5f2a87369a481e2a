import LoaChannels
import LoaTesting
import Testing

/// The `twilio` tables: gateways.md §9 (send, statuses, 20429, signatures computed independently).
@Suite("Twilio adapter")
struct TwilioAdapterTests {
    @Test(arguments: try AdapterHarness.cases("twilio/send.json"))
    func send(_ testCase: AdapterCase) async throws {
        try await AdapterHarness.run(testCase) { config, context in
            try TwilioAdapter(config: config, statusCallbackURL: context.statusCallbackURL, now: context.now)
        }
    }

    @Test(arguments: try CallbackHarness.cases("twilio/callbacks.json"))
    func callback(_ testCase: CallbackCase) throws {
        try CallbackHarness.run(testCase) { config in try TwilioAdapter(config: config) }
    }

    @Test
    func theRegistryPassesTheStatusHook() throws {
        let cases = try AdapterHarness.cases("twilio/send.json")
        let hooks = HookURLs(publicURL: "https://loa.example.gov.vn/", secret: HookSecret(master: "hook-master-2b9f", channel: "twilio"))
        let adapter = try ChannelRegistry.adapter(for: try #require(cases.first).channelConfig(), hooks: hooks)
        let twilio = try #require(adapter as? TwilioAdapter)
        // Twilio signs its callbacks: one URL for every message, no per-message token.
        #expect(twilio.statusCallbackURL == "https://loa.example.gov.vn/hooks/twilio/806e275dea059e6206b55b4a41869557/status")
    }
}
