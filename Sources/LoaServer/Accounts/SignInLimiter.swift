import Foundation
import Synchronization

/// Failed sign-ins remembered per key (an account's phone, a client address) for a window: once a
/// key has `limit` failures inside it, that key waits until the oldest leaves the window, and its
/// next try is not even checked. In memory, per process, like the other rate limits.
final class SignInLimiter: Sendable {
    let limit: Int
    let window: TimeInterval
    private let failures = Mutex<[String: [Date]]>([:])
    /// Above this many keys, keys with no failure left in the window are dropped.
    private let maxKeys: Int

    init(limit: Int, window: TimeInterval, maxKeys: Int = 50_000) {
        self.limit = limit
        self.window = window
        self.maxKeys = maxKeys
    }

    /// Seconds `key` must wait before its next try, or nil when it may try now.
    func wait(_ key: String, now: Date) -> Int? {
        failures.withLock { failures in
            let recent = (failures[key] ?? []).filter { now.timeIntervalSince($0) < window }
            failures[key] = recent.isEmpty ? nil : recent
            guard recent.count >= limit, let oldest = recent.first else { return nil }
            return max(1, Int((window - now.timeIntervalSince(oldest)).rounded(.up)))
        }
    }

    /// Counts one failure for `key`.
    func fail(_ key: String, now: Date) {
        failures.withLock { failures in
            var recent = (failures[key] ?? []).filter { now.timeIntervalSince($0) < window }
            recent.append(now)
            // Only the newest `limit` failures decide the wait.
            failures[key] = Array(recent.suffix(limit))
            if failures.count > maxKeys {
                failures = failures.filter { _, times in times.contains { now.timeIntervalSince($0) < window } }
            }
        }
    }

    /// Forgets `key`'s failures (after a successful sign-in of that account).
    func clear(_ key: String) {
        _ = failures.withLock { $0.removeValue(forKey: key) }
    }
}

/// The sign-in limits of one server: wrong passwords and codes per account and per client address,
/// and code requests per account (so nobody floods a phone with texts).
struct SignInLimits: Sendable {
    /// 5 wrong passwords or codes per account in 15 minutes.
    let perAccount = SignInLimiter(limit: 5, window: 15 * 60)
    /// 20 failed sign-ins per client address in 15 minutes.
    let perAddress = SignInLimiter(limit: 20, window: 15 * 60)
    /// 1 code sent per account a minute.
    let codeRequests = SignInLimiter(limit: 1, window: 60)

    /// The longest wait among the keys, or nil when none waits.
    func wait(account: String?, address: String, now: Date) -> Int? {
        [account.flatMap { perAccount.wait($0, now: now) }, perAddress.wait(address, now: now)].compactMap { $0 }.max()
    }

    /// Counts a failed try against both keys.
    func fail(account: String?, address: String, now: Date) {
        if let account { perAccount.fail(account, now: now) }
        perAddress.fail(address, now: now)
    }
}
