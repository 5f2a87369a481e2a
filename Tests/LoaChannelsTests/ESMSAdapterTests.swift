import LoaChannels
import LoaTesting
import Testing

/// The `esms` table: gateways.md §4.1 (send), §4.4 (codes), §7 (accents and segments), §11.1 (RequestId).
@Suite("eSMS adapter")
struct ESMSAdapterTests {
    @Test(arguments: try AdapterHarness.cases("esms/send.json"))
    func send(_ testCase: AdapterCase) async throws {
        try await AdapterHarness.run(testCase) { config, context in
            try ESMSAdapter(config: config, statusCallbackURL: context.statusCallbackURL, now: context.now)
        }
    }

    @Test
    func theRegistryBuildsIt() throws {
        let cases = try AdapterHarness.cases("esms/send.json")
        let adapter = try ChannelRegistry.adapter(for: try #require(cases.first).channelConfig())
        #expect(adapter is ESMSAdapter)
    }
}
