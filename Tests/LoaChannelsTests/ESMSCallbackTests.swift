import LoaChannels
import LoaTesting
import Testing

/// The `esms` callback table: gateways.md §4.3 (GET delivery reports, no signature).
@Suite("eSMS callbacks")
struct ESMSCallbackTests {
    @Test(arguments: try CallbackHarness.cases("esms/callbacks.json"))
    func callback(_ testCase: CallbackCase) throws {
        try CallbackHarness.run(testCase) { config in try ESMSAdapter(config: config) }
    }
}
