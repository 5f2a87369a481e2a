import LoaChannels
import LoaConfig
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

    @Test("Without a rate the channel keeps to SpeedSMS's 60 requests a minute; a configured rate wins")
    func defaultRate() throws {
        let cases = try AdapterHarness.cases("speedsms/send.json")
        var config = try #require(cases.first).channelConfig()
        config.rate = nil
        #expect(try SpeedSMSAdapter(config: config).config.rate?.description == "60/min")
        config.rate = SendRate(parsing: "20/min")
        #expect(try SpeedSMSAdapter(config: config).config.rate?.description == "20/min")
    }
}
