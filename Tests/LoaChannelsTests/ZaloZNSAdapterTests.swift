import LoaChannels
import LoaTesting
import Testing

/// The `zalo-zns` table: gateways.md §1 (send, reply, §1.5 codes) as fixture cases.
@Suite("Zalo ZNS adapter")
struct ZaloZNSAdapterTests {
    @Test(arguments: try AdapterHarness.cases("zalo-zns/send.json"))
    func send(_ testCase: AdapterCase) async throws {
        try await AdapterHarness.run(testCase) { config, context in
            try ZaloZNSAdapter(config: config, now: context.now)
        }
    }

    @Test
    func theRegistryBuildsIt() throws {
        let cases = try AdapterHarness.cases("zalo-zns/send.json")
        let adapter = try ChannelRegistry.adapter(for: try #require(cases.first).channelConfig())
        #expect(adapter is ZaloZNSAdapter)
    }
}
