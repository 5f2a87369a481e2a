import LoaChannels

/// Everything that went wrong in one adapter fixture case; thrown so the test fails with the list.
public struct HarnessFailure: Error, Sendable, CustomStringConvertible {
    public let source: String
    public let problems: [String]

    init(_ testCase: AdapterCase, _ problems: [String]) {
        self.init(source: testCase.source, problems)
    }

    init(source: String, _ problems: [String]) {
        self.source = source
        self.problems = problems
    }

    public var description: String {
        "\(source):\n" + problems.map { "  - " + $0 }.joined(separator: "\n")
    }
}

extension AdapterHarness {
    /// The fixture spelling of an error kind (`invalid_recipient`).
    public static func name(of kind: SendError.Kind) -> String {
        switch kind {
        case .retryable: "retryable"
        case .throttled: "throttled"
        case .fallback: "fallback"
        case .permanent: "permanent"
        case .invalidRecipient: "invalid_recipient"
        case .deferred: "deferred"
        case .unauthorized: "unauthorized"
        case .quotaExhausted: "quota_exhausted"
        }
    }

    /// The kind a fixture names, or nil.
    public static func kind(named name: String) -> SendError.Kind? {
        let all: [SendError.Kind] = [
            .retryable, .throttled, .fallback, .permanent, .invalidRecipient, .deferred, .unauthorized, .quotaExhausted,
        ]
        return all.first { self.name(of: $0) == name }
    }
}
