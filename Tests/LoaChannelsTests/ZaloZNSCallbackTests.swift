import LoaChannels
import LoaTesting
import Testing

/// The `zalo-zns` callback table: gateways.md §1.3 (`user_received_message`) signed as §3.4 says.
@Suite("Zalo ZNS callbacks")
struct ZaloZNSCallbackTests {
    @Test(arguments: try CallbackHarness.cases("zalo-zns/callbacks.json"))
    func callback(_ testCase: CallbackCase) throws {
        try CallbackHarness.run(testCase) { config in try ZaloZNSAdapter(config: config) }
    }
}
