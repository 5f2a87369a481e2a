/// One finding of `loa channels check` (SPEC §3): what was asked of the gateway and what it said.
public struct ChannelCheckItem: Sendable, Equatable, Encodable {
    /// How a finding bears on the first broadcast.
    public enum Status: String, Sendable, Encodable {
        /// Works as configured.
        case ok
        /// Works now but needs attention soon (low balance, token near expiry, a gateway that timed out).
        case warning
        /// Sending would fail (credentials refused, nothing answering at the configured address).
        case failed
        /// Could not be checked (the gateway offers no such call, or gave no usable answer to it).
        case skipped
    }

    /// What was checked: `credentials`, `templates`, `balance`, `quota`, `callback`, `verification`…
    public var check: String
    public var status: Status
    /// One line for the office, naming the value or the gateway's answer.
    public var detail: String

    public init(_ check: String, _ status: Status, _ detail: String) {
        self.check = check
        self.status = status
        self.detail = detail
    }
}

extension ChannelAdapter {
    public func checkAccount(over transport: any HTTPTransport) async -> [ChannelCheckItem] {
        [ChannelCheckItem("credentials", .skipped, "\(config.kind.rawValue) offers no call to check an account")]
    }
}
