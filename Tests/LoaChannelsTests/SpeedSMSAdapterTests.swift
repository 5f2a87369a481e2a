import LoaChannels
import LoaTesting
import Testing

/// The `speedsms` tables: gateways.md §5 (send, reply, codes, push reports), §7 (accents and segments).
@Suite("SpeedSMS adapter")
struct SpeedSMSAdapterTests {
    @Test(arguments: try AdapterHarness.cases("speedsms/send.json"))
    func send(_ testCase: AdapterCase) async throws {
        try await AdapterHarness.run(testCase) { config, context in
            try SpeedSMSAdapter(config: config, now: context.now)
        }
    }

    @Test(arguments: try CallbackHarness.cases("speedsms/callbacks.json"))
    func callback(_ testCase: CallbackCase) throws {
        try CallbackHarness.run(testCase) { config in try SpeedSMSAdapter(config: config) }
    }

    @Test
    func theRegistryBuildsIt() throws {
        let cases = try AdapterHarness.cases("speedsms/send.json")
        let adapter = try ChannelRegistry.adapter(for: try #require(cases.first).channelConfig())
        #expect(adapter is SpeedSMSAdapter)
    }
}
