import Foundation
import LoaChannels
import LoaConfig

/// What an adapter factory gets besides the configuration: the pinned clock and hook URLs.
public struct AdapterContext: Sendable {
    /// The fixture's `now`, as a clock.
    public var now: @Sendable () -> Date
    /// The fixture's `options.status_callback_url`.
    public var statusCallbackURL: String?

    public init(now: @escaping @Sendable () -> Date, statusCallbackURL: String? = nil) {
        self.now = now
        self.statusCallbackURL = statusCallbackURL
    }
}

/// Runs adapter fixture tables: one shared harness, so each gateway's test file stays a few lines.
///
/// ```swift
/// @Test(arguments: try AdapterHarness.cases("zalo-zns/send.json"))
/// func send(_ testCase: AdapterCase) async throws {
///     try await AdapterHarness.run(testCase) { config, context in
///         try ZaloZNSAdapter(config: config, now: context.now)
///     }
/// }
/// ```
/// For every case it checks each request (method, URL, listed headers, body as parsed JSON), the
/// result or the error's kind, code and delay, that no secret appears in the error or the result,
/// and that the fake gateway saw exactly the scripted requests.
public enum AdapterHarness {
    /// The cases of `Fixtures/channels/<relativePath>`; the folder name is the default channel kind.
    public static func cases(_ relativePath: String, filePath: String = #filePath) throws(FixtureError) -> [AdapterCase] {
        let table = try FixtureLocator.table(relativePath, as: AdapterFixture.self, from: filePath)
        return try table.rows.map { source, fixture throws(FixtureError) in
            try AdapterCase(fixture, kind: table.kind, source: "\(source) \(fixture.label)")
        }
    }

    /// Runs one case against the adapter `make` builds; throws a ``HarnessFailure`` listing every problem.
    public static func run(
        _ testCase: AdapterCase,
        make: (ChannelConfig, AdapterContext) throws -> any ChannelAdapter
    ) async throws {
        let now = testCase.now
        let context = AdapterContext(now: { now }, statusCallbackURL: testCase.statusCallbackURL)
        let adapter: any ChannelAdapter
        do {
            adapter = try make(try testCase.channelConfig(), context)
        } catch let error as ConfigError {
            try finish(testCase, checkConfigError(error.description, testCase.expectation))
            return
        }
        if case .configError(let text) = testCase.expectation {
            throw HarnessFailure(testCase, ["expected a configuration error containing '\(text)', got an adapter"])
        }
        let transport = MockTransport(testCase.exchanges)
        var problems = determinism(of: adapter, for: testCase.message)
        do {
            let result = try await adapter.send(testCase.message, over: transport)
            problems += check(result, testCase.expectation)
            problems += leaks(in: [String(describing: result), String(reflecting: result)], of: adapter)
        } catch {
            problems += check(error, testCase.expectation)
            problems += leaks(in: [error.message, error.description, String(reflecting: error)], of: adapter)
        }
        problems += transport.problems()
        let secrets = secretValues(of: adapter)
        try finish(testCase, problems.map { masked($0, secrets) })
    }

    private static func finish(_ testCase: AdapterCase, _ problems: [String]) throws {
        if !problems.isEmpty { throw HarnessFailure(testCase, problems) }
    }

    private static func checkConfigError(_ text: String, _ expectation: AdapterCase.Expectation) -> [String] {
        guard case .configError(let expected) = expectation else { return ["unexpected configuration error: \(text)"] }
        return text.contains(expected) ? [] : ["configuration error '\(text)' does not contain '\(expected)'"]
    }

    private static func check(_ result: SendResult, _ expectation: AdapterCase.Expectation) -> [String] {
        guard case .result(let state, let reference, let segments, let detail) = expectation else {
            return ["expected a failure, got \(result)"]
        }
        var problems: [String] = []
        if result.state != state { problems.append("state \(result.state), expected \(state)") }
        if result.gatewayRef != reference {
            problems.append("gateway ref \(result.gatewayRef ?? "nil"), expected \(reference ?? "nil")")
        }
        if result.segments != segments {
            problems.append("segments \(text(result.segments)), expected \(text(segments))")
        }
        if let detail, result.detail != detail {
            problems.append("detail \(result.detail ?? "nil"), expected \(detail)")
        }
        return problems
    }

    private static func check(_ error: SendError, _ expectation: AdapterCase.Expectation) -> [String] {
        guard case .error(let kind, let code, let delay, let fragments) = expectation else {
            return ["unexpected failure [\(name(of: error.kind))] \(error)"]
        }
        var problems: [String] = []
        if error.kind != kind { problems.append("kind \(name(of: error.kind)), expected \(name(of: kind)) (\(error))") }
        if error.gatewayCode != code {
            problems.append("gateway code \(error.gatewayCode ?? "nil"), expected \(code ?? "nil")")
        }
        let seconds = error.retryAfter.map { $0 / .seconds(1) }
        switch (seconds, delay) {
        case (nil, nil): break
        case (let actual?, let expected?) where abs(actual - expected) < 0.001: break
        default:
            problems.append("retry after \(text(seconds)) s, expected \(text(delay)) s")
        }
        for fragment in fragments where !error.message.contains(fragment) {
            problems.append("message '\(error.message)' does not contain '\(fragment)'")
        }
        return problems
    }

    private static func text(_ value: (some CustomStringConvertible)?) -> String {
        value.map(\.description) ?? "nil"
    }

    /// An adapter's request must depend on the message alone (`makeRequest` is pure).
    private static func determinism(of adapter: any ChannelAdapter, for message: OutboundMessage) -> [String] {
        guard let first = try? adapter.makeRequest(for: message), let second = try? adapter.makeRequest(for: message)
        else { return [] }
        let same = first.method == second.method && first.url == second.url && first.headers == second.headers
            && first.body == second.body
        return same ? [] : ["makeRequest gave two different requests for the same message"]
    }

    /// One problem per text that contains a secret; the text is shown with every secret masked.
    private static func leaks(in texts: [String], of adapter: any ChannelAdapter) -> [String] {
        let secrets = secretValues(of: adapter)
        return texts.filter { text in secrets.contains { text.contains($0) } }.map { "a secret leaked into: " + $0 }
    }

    /// What must never leave an adapter in an error or result: its own list and the config's secrets.
    private static func secretValues(of adapter: any ChannelAdapter) -> [String] {
        Set(adapter.secrets + adapter.config.secrets.values.map(\.value)).filter { $0.count >= 4 }
            .sorted { $0.count > $1.count }
    }

    /// `text` with every secret replaced, so a failing case does not print credentials either.
    private static func masked(_ text: String, _ secrets: [String]) -> String {
        secrets.reduce(text) { $0.replacingOccurrences(of: $1, with: "<SECRET>") }
    }
}
