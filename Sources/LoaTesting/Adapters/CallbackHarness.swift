import Foundation
import LoaChannels
import LoaConfig

/// Runs callback fixture tables: raw gateway request → verified → parsed events.
///
/// ```swift
/// @Test(arguments: try CallbackHarness.cases("esms/callbacks.json"))
/// func callback(_ testCase: CallbackCase) throws {
///     try CallbackHarness.run(testCase) { config in try ESMSAdapter(config: config) }
/// }
/// ```
/// It checks the events one by one (subject, change, time, dedupe key, detail), that an expected
/// refusal has the right kind, and that no secret appears in any event or error.
public enum CallbackHarness {
    /// The cases of `Fixtures/channels/<relativePath>`; the folder name is the default channel kind.
    public static func cases(_ relativePath: String, filePath: String = #filePath) throws(FixtureError) -> [CallbackCase] {
        let table = try FixtureLocator.table(relativePath, as: CallbackFixture.self, from: filePath)
        return try table.rows.map { source, fixture throws(FixtureError) in
            try CallbackCase(fixture, kind: table.kind, source: "\(source) \(fixture.label)")
        }
    }

    /// Runs one case against the adapter `make` builds; throws a ``HarnessFailure`` listing every problem.
    public static func run(_ testCase: CallbackCase, make: (ChannelConfig) throws -> any ChannelAdapter) throws {
        let adapter: any ChannelAdapter
        do {
            adapter = try make(try testCase.channelConfig())
        } catch let error as ConfigError {
            guard case .configError(let expected) = testCase.expectation else {
                throw HarnessFailure(source: testCase.source, ["unexpected configuration error: \(error)"])
            }
            if !error.description.contains(expected) {
                throw HarnessFailure(source: testCase.source, ["configuration error '\(error)' does not contain '\(expected)'"])
            }
            return
        }
        if case .configError(let text) = testCase.expectation {
            throw HarnessFailure(source: testCase.source, ["expected a configuration error containing '\(text)', got an adapter"])
        }
        var problems: [String] = []
        let secrets = Set(adapter.secrets + adapter.config.secrets.values.map(\.value)).filter { $0.count >= 4 }
        do {
            try adapter.verify(testCase.request)
            let events = try adapter.events(in: testCase.request)
            problems += check(events, testCase.expectation)
            problems += events.map { String(reflecting: $0) }.filter { text in secrets.contains { text.contains($0) } }
                .map { "a secret leaked into an event: \($0)" }
            // Parsing is pure: the same request gives the same events.
            if (try? adapter.events(in: testCase.request)) != events {
                problems.append("events(in:) gave two different answers for the same request")
            }
        } catch {
            problems += check(error, testCase.expectation)
            if secrets.contains(where: { error.message.contains($0) }) { problems.append("a secret leaked into the error") }
        }
        let masked = problems.map { problem in secrets.reduce(problem) { $0.replacingOccurrences(of: $1, with: "<SECRET>") } }
        if !masked.isEmpty { throw HarnessFailure(source: testCase.source, masked) }
    }

    private static func check(_ events: [GatewayEvent], _ expectation: CallbackCase.Expectation) -> [String] {
        guard case .events(let expected) = expectation else { return ["expected a refusal, got events \(events)"] }
        guard events.count == expected.count else {
            return ["got \(events.count) events, expected \(expected.count): \(events)"]
        }
        var problems: [String] = []
        for (index, (actual, wanted)) in zip(events, expected).enumerated() {
            let label = "event \(index + 1)"
            if actual.subject != wanted.event.subject {
                problems.append("\(label): subject \(String(describing: actual.subject)), expected \(String(describing: wanted.event.subject))")
            }
            if actual.change != wanted.event.change {
                problems.append("\(label): change \(actual.change), expected \(wanted.event.change)")
            }
            if let when = wanted.event.occurredAt, actual.occurredAt.map({ abs($0.timeIntervalSince(when)) > 0.0005 }) ?? true {
                problems.append("\(label): occurred at \(String(describing: actual.occurredAt)), expected \(when)")
            }
            if actual.dedupeKey.isEmpty { problems.append("\(label): empty dedupe key") }
            if !wanted.anyDedupeKey, actual.dedupeKey != wanted.event.dedupeKey {
                problems.append("\(label): dedupe key \(actual.dedupeKey), expected \(wanted.event.dedupeKey)")
            }
            if let fragment = wanted.detailContains, !(actual.detail ?? "").contains(fragment) {
                problems.append("\(label): detail '\(actual.detail ?? "nil")' does not contain '\(fragment)'")
            }
        }
        return problems
    }

    private static func check(_ error: any Error, _ expectation: CallbackCase.Expectation) -> [String] {
        guard let error = error as? CallbackError else { return ["unexpected error \(error)"] }
        guard case .error(let kind, let fragments) = expectation else { return ["unexpected refusal [\(error.kind)] \(error)"] }
        var problems = error.kind == kind ? [] : ["refused as \(error.kind), expected \(kind): \(error)"]
        for fragment in fragments where !error.message.contains(fragment) {
            problems.append("message '\(error.message)' does not contain '\(fragment)'")
        }
        return problems
    }
}
