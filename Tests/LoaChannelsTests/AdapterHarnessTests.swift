import LoaChannels
import LoaConfig
import LoaHTTP
import LoaTesting
import Testing

/// The harness must fail a case for each thing it promises to check; a harness that passes
/// everything would make every gateway table meaningless.
@Suite("Adapter harness")
struct AdapterHarnessTests {
    /// The eSMS adapter with redaction switched off, as a careless adapter would be.
    struct SecretBlindAdapter: ChannelAdapter {
        let inner: ESMSAdapter
        var config: ChannelConfig { inner.config }
        var secrets: [String] { [] }

        func makeRequest(for message: OutboundMessage) throws(SendError) -> HTTPRequest {
            try inner.makeRequest(for: message)
        }

        func readReply(_ response: HTTPResponse, for message: OutboundMessage) throws(SendError) -> SendResult {
            try inner.readReply(response, for: message)
        }
    }

    static func esmsCase(_ prefix: String) throws -> AdapterCase {
        try #require(try AdapterHarness.cases("esms/send.json").first { $0.label.hasPrefix(prefix) })
    }

    static func problems(_ testCase: AdapterCase) async -> [String] {
        do {
            try await AdapterHarness.run(testCase) { config, _ in try ESMSAdapter(config: config) }
            return []
        } catch let failure as HarnessFailure {
            return failure.problems
        } catch {
            return ["unexpected \(error)"]
        }
    }

    @Test
    func aSecretInTheErrorFailsTheCase() async throws {
        let testCase = try Self.esmsCase("Gateway echoes the SecretKey")
        let failure = await #expect(throws: HarnessFailure.self) {
            try await AdapterHarness.run(testCase) { config, _ in
                SecretBlindAdapter(inner: try ESMSAdapter(config: config))
            }
        }
        let problems = failure?.problems ?? []
        #expect(problems.contains { $0.hasPrefix("a secret leaked into: ") })
        #expect(!problems.joined().contains("ESMS-SECRET-KEY-c9d2"))
    }

    @Test
    func anUnusedExchangeFailsTheCase() async throws {
        var testCase = try Self.esmsCase("Plain accented send")
        testCase.exchanges += testCase.exchanges
        #expect(await Self.problems(testCase).contains { $0.contains("never used") })
    }

    @Test
    func anUnscriptedRequestFailsTheCase() async throws {
        var testCase = try Self.esmsCase("Plain accented send")
        testCase.exchanges = []
        #expect(await Self.problems(testCase).contains { $0.contains("was not scripted") })
    }

    @Test
    func aDifferentBodyFailsTheCase() async throws {
        var testCase = try Self.esmsCase("Plain accented send")
        testCase.message.idempotencyKey = "N7K3Q9AM1234C9"
        #expect(await Self.problems(testCase) == [
            "request 1: JSON RequestId: \"N7K3Q9AM1234C9\", expected \"N7K3Q9AM1234C1\"",
        ])
    }

    @Test
    func theConfigurationGoesThroughTheTOMLParser() throws {
        let testCase = try Self.esmsCase("Folded send")
        #expect(testCase.configTOML.hasPrefix("[[channels]]\n"))
        let config = try testCase.channelConfig()
        #expect(config.kind == .esms)
        #expect(config.foldDiacritics == .always)
        #expect(config.secrets["secret_key"]?.description == "<redacted>")
    }
}
