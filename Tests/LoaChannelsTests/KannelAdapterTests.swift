import LoaChannels
import LoaTesting
import Testing

/// The `kannel` tables: gateways.md §8 (sendsms, replies, DLR bits), §7 (accents and segments),
/// §11.1 (the key in `dlr-url`), and NOTES.md "Kannel" (coding=2, DLR order, `%I`).
@Suite("Kannel adapter")
struct KannelAdapterTests {
    @Test(arguments: try AdapterHarness.cases("kannel/send.json"))
    func send(_ testCase: AdapterCase) async throws {
        try await AdapterHarness.run(testCase) { config, context in
            try KannelAdapter(config: config, statusCallbackURL: context.statusCallbackURL, now: context.now)
        }
    }

    @Test(arguments: try CallbackHarness.cases("kannel/callbacks.json"))
    func callback(_ testCase: CallbackCase) throws {
        try CallbackHarness.run(testCase) { config in try KannelAdapter(config: config) }
    }

    @Test
    func theRegistryBuildsItWithTheStatusHook() throws {
        let cases = try AdapterHarness.cases("kannel/send.json")
        let hooks = HookURLs(publicURL: "https://loa.example.gov.vn/", secret: HookSecret(master: "hook-master-2b9f", channel: "sms"))
        let adapter = try ChannelRegistry.adapter(for: try #require(cases.first).channelConfig(), hooks: hooks)
        let kannel = try #require(adapter as? KannelAdapter)
        // The channel's derived segment, and the token of K1 after the key (HookSecretTests has the derivation).
        #expect(
            kannel.dlrURL(for: "K1")
                == "https://loa.example.gov.vn/hooks/sms/375e7fcc3aa7343e6e0fad914d993d82/status?key=K1&t=87f837c7c6bda8fd"
                + "&type=%d&ts=%T&smsc=%i&reply=%A")
    }
}
