import Foundation
import Synchronization

/// When each follower last wrote to the OA, as this process saw it through the webhook: Zalo lets
/// consultation messages reach only followers who interacted within 7 days (gateways.md §3.1, §13).
///
/// Kept in memory: after a restart, or for a follower seen by another worker, nothing is known and
/// the template by user id is sent, which reaches every follower.
public final class ZaloOAInteractions: Sendable {
    /// Zalo's window, less an hour so a message queued at its edge does not meet `-230`.
    static let window: TimeInterval = 7 * 86_400 - 3600

    private let lastInbound = Mutex<[String: Date]>([:])

    public init() {}

    /// Records a message from `user` received at `time`.
    public func noteInbound(from user: String, at time: Date) {
        lastInbound.withLock { seen in
            if (seen[user] ?? .distantPast) < time { seen[user] = time }
            // A commune's followers are few; old entries are dropped once in a while.
            if seen.count > 50_000 { seen = seen.filter { time.timeIntervalSince($0.value) < Self.window } }
        }
    }

    /// Forgets `user`'s interaction after Zalo answered `-230` to a consultation message.
    public func noteRefused(_ user: String) {
        _ = lastInbound.withLock { $0.removeValue(forKey: user) }
    }

    /// Whether a consultation message to `user` is allowed at `now`.
    public func allowsConsultation(to user: String, at now: Date) -> Bool {
        guard let last = lastInbound.withLock({ $0[user] }) else { return false }
        return now.timeIntervalSince(last) < Self.window
    }
}
