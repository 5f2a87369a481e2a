import Foundation

/// A token bucket for one channel's `rate` (SPEC §4): SMS gateways spend one token per segment.
///
/// Pure arithmetic on explicit times, so tests can check the rate without waiting.
public struct TokenBucket: Sendable {
    /// Tokens added per second.
    public let rate: Double
    /// At most this many tokens accumulate (one second's worth, at least one message).
    public let capacity: Double
    private var tokens: Double
    private var updated: Date

    public init(rate: Double, capacity: Double? = nil, now: Date) {
        self.rate = rate
        self.capacity = max(capacity ?? rate, 1)
        self.tokens = self.capacity
        self.updated = now
    }

    /// Takes `cost` tokens if they are there; otherwise returns how long until they will be (the
    /// tokens are then reserved, so callers queue in order).
    public mutating func take(_ cost: Double, now: Date) -> Duration {
        refill(now)
        tokens -= cost
        guard tokens < 0 else { return .zero }
        return .milliseconds(Int64((-tokens / rate * 1000).rounded(.up)))
    }

    private mutating func refill(_ now: Date) {
        let elapsed = now.timeIntervalSince(updated)
        if elapsed > 0 {
            tokens = min(capacity, tokens + elapsed * rate)
            updated = now
        }
    }
}
