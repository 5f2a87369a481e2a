import LoaChannels
import LoaTesting
import Testing

/// The `zalo-oa` tables: gateways.md §3.1 (send, codes) and §3.2/§3.4 (signed webhooks).
@Suite("Zalo OA adapter")
struct ZaloOAAdapterTests {
    @Test(arguments: try AdapterHarness.cases("zalo-oa/send.json"))
    func send(_ testCase: AdapterCase) async throws {
        try await AdapterHarness.run(testCase) { config, context in
            try ZaloOAAdapter(config: config, now: context.now)
        }
    }

    @Test(arguments: try CallbackHarness.cases("zalo-oa/callbacks.json"))
    func callback(_ testCase: CallbackCase) throws {
        try CallbackHarness.run(testCase) { config in try ZaloOAAdapter(config: config) }
    }

    @Test
    func theRegistryBuildsIt() throws {
        let cases = try AdapterHarness.cases("zalo-oa/send.json")
        let adapter = try ChannelRegistry.adapter(for: try #require(cases.first).channelConfig())
        #expect(adapter is ZaloOAAdapter)
    }
}
