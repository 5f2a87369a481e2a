/// Running totals of one dispatcher, for the progress line and the final summary.
public struct DispatchProgress: Sendable, Equatable {
    public var claimed = 0
    public var accepted = 0
    public var delivered = 0
    public var retried = 0
    public var fellBack = 0
    public var failed = 0
    public var deferred = 0
    public var expired = 0
    public var resent = 0
    public var inFlight = 0
    /// Store rounds (one transaction each: record what finished, claim more) run so far.
    public var rounds = 0

    public init() {}

    mutating func count(_ outcome: String) {
        switch outcome {
        case "accepted": accepted += 1
        case "delivered": delivered += 1
        case "retry", "throttled": retried += 1
        case "fallback": fellBack += 1
        case "deferred": deferred += 1
        default: failed += 1
        }
    }

    /// One line for a terminal.
    public var line: String {
        "sent \(accepted + delivered), retrying \(retried), fell back \(fellBack), failed \(failed)"
            + (deferred > 0 ? ", deferred \(deferred)" : "") + (expired > 0 ? ", expired \(expired)" : "")
            + ", in flight \(inFlight)"
    }
}
