import LoaChannels
import LoaTesting
import Testing

/// The generic `webhook` table: body shape, configured headers, and the common HTTP outcomes.
@Suite("Webhook adapter")
struct WebhookAdapterTests {
    @Test(arguments: try AdapterHarness.cases("webhook/send.json"))
    func send(_ testCase: AdapterCase) async throws {
        try await AdapterHarness.run(testCase) { config, _ in
            try WebhookAdapter(config: config)
        }
    }
}
