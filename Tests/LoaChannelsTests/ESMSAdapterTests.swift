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

    @Test
    func eachSendsCallbackUrlCarriesItsOwnToken() throws {
        let cases = try AdapterHarness.cases("esms/send.json")
        let hooks = HookURLs(publicURL: "https://loa.example.gov.vn", secret: HookSecret(master: "hook-master-2b9f", channel: "sms"))
        let adapter = try ChannelRegistry.adapter(for: try #require(cases.first).channelConfig(), hooks: hooks)
        let esms = try #require(adapter as? ESMSAdapter)
        let base = "https://loa.example.gov.vn/hooks/sms/375e7fcc3aa7343e6e0fad914d993d82/status"
        // eSMS appends its own parameters (RequestId, SendStatus…) to this URL (gateways.md §4.3);
        // the key stands in for the empty `RequestId=` of eSMS's own samples (§13).
        #expect(esms.callbackURL(for: "K1") == base + "?key=K1&t=87f837c7c6bda8fd")
        #expect(esms.callbackURL(for: "N1M7C0") == base + "?key=N1M7C0&t=05d4517c4b0ddfc0")
    }
}
