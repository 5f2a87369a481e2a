import Foundation
import Synchronization

/// Token buckets in memory, one per key (a client address, or one shared key): each holds up to
/// `perMinute` tokens and refills at `perMinute / 60` a second, so a full minute's allowance may
/// arrive at once and a steady client never waits.
final class RateLimiter: Sendable {
    private struct Bucket {
        var tokens: Double
        var updated: ContinuousClock.Instant
    }

    let perMinute: Int
    private let buckets = Mutex<[String: Bucket]>([:])
    /// Above this many keys, full (idle) buckets are dropped: they would allow the same anyway.
    private let maxKeys: Int

    init(perMinute: Int, maxKeys: Int = 50_000) {
        self.perMinute = perMinute
        self.maxKeys = maxKeys
    }

    private var perSecond: Double { Double(perMinute) / 60 }

    /// Takes one token for `key`: nil when the request may go on, else the seconds to wait.
    /// With `spend` false the bucket is only looked at (a request that costs only if it fails).
    func take(_ key: String, spend: Bool = true, now: ContinuousClock.Instant = .now) -> Int? {
        let capacity = Double(perMinute)
        let rate = perSecond
        return buckets.withLock { buckets in
            var bucket = buckets[key] ?? Bucket(tokens: capacity, updated: now)
            let elapsed = now - bucket.updated
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            bucket.tokens = min(capacity, bucket.tokens + max(0, seconds) * rate)
            bucket.updated = now
            defer {
                buckets[key] = bucket
                if buckets.count > maxKeys { Self.dropFull(&buckets, capacity: capacity, rate: rate, now: now) }
            }
            guard bucket.tokens >= 1 else { return max(1, Int(((1 - bucket.tokens) / rate).rounded(.up))) }
            if spend { bucket.tokens -= 1 }
            return nil
        }
    }

    private static func dropFull(_ buckets: inout [String: Bucket], capacity: Double, rate: Double, now: ContinuousClock.Instant) {
        buckets = buckets.filter { _, bucket in
            let idle = now - bucket.updated
            return bucket.tokens + Double(idle.components.seconds) * rate < capacity
        }
    }
}
