/// Exponential backoff with jitter for retryable failures (SPEC §8).
///
/// The n-th retry waits `base × 2ⁿ`, capped, with "equal jitter": half of it fixed, half random, so
/// a burst of failures does not come back as a burst. A gateway's `Retry-After` replaces the formula.
public struct Backoff: Sendable, Equatable {
    public var base: Duration
    public var cap: Duration
    /// Attempts on one channel step before it is given up as failed.
    public var maxAttempts: Int

    public init(base: Duration = .seconds(5), cap: Duration = .seconds(1800), maxAttempts: Int = 8) {
        self.base = base
        self.cap = cap
        self.maxAttempts = maxAttempts
    }

    /// The wait before retry number `attempt` (0 for the first retry); `unit` is a random number in
    /// 0..<1 (injected so tests can pin it).
    public func delay(attempt: Int, retryAfter: Duration? = nil, unit: Double) -> Duration {
        if let retryAfter { return min(max(retryAfter, .zero), cap * 4) }
        let exponent = min(max(attempt, 0), 30)
        let full = min(base * (1 << exponent), cap)
        return full / 2 + full * (max(0, min(unit, 1)) / 2)
    }
}
