import Foundation
import Synchronization

/// Per-channel token buckets shared by every in-flight send of one worker.
final class RateLimiter: Sendable {
    private let buckets: Mutex<[String: TokenBucket]>
    /// The channels that have a bucket; the others skip the lock and the clock.
    private let limited: Set<String>

    /// `rates` in units (messages or SMS segments) per second, by channel name; others are unlimited.
    init(rates: [String: Double], now: Date = Date()) {
        buckets = Mutex(rates.mapValues { TokenBucket(rate: $0, now: now) })
        limited = Set(rates.keys)
    }

    /// Whether `channel` has a rate limit at all.
    func limits(_ channel: String) -> Bool { limited.contains(channel) }

    /// Waits until `channel` may spend `cost` units.
    func acquire(_ channel: String, cost: Double) async {
        guard limited.contains(channel) else { return }
        let wait = buckets.withLock { buckets -> Duration in
            guard var bucket = buckets[channel] else { return .zero }
            defer { buckets[channel] = bucket }
            return bucket.take(cost, now: Date())
        }
        if wait > .zero { try? await Task.sleep(for: wait) }
    }
}
