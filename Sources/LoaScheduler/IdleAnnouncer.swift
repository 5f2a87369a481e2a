import Foundation

/// When to say the waiting line: at once when its reasons change, else at most every `interval`.
public struct IdleAnnouncer: Sendable {
    /// The longest silence while the reasons stay the same.
    public var interval: TimeInterval
    private var reasons: [IdleWait.Reason] = []
    private var saidAt = Date.distantPast

    public init(interval: TimeInterval = 30) {
        self.interval = interval
    }

    /// Whether to say `wait` at `now`; remembers it when so.
    public mutating func shouldSay(_ wait: IdleWait, at now: Date) -> Bool {
        let current = wait.reasons
        guard !current.isEmpty else { return false }
        guard current != reasons || now.timeIntervalSince(saidAt) >= interval else { return false }
        reasons = current
        saidAt = now
        return true
    }
}
