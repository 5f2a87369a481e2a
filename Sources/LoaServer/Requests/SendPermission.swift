import Foundation
import LoaCore
import LoaStore

/// What a caller may send beyond its audience scope: `urgent` (which ignores quiet hours) is for
/// admins only, and a sender's token queues at most `[limits] sender_daily_messages` messages per
/// day on the commune's clock.
enum SendPermission {
    /// Why `identity` may not create `draft`, or nil when it may. Reads the store only for senders.
    static func refusal(_ draft: NoticeDraft, identity: Identity, setup: ServerSetup) async throws -> String? {
        if draft.priority == .urgent, identity.role != .admin {
            return "only an admin may send urgent notices (they ignore quiet hours); send it as normal"
        }
        guard identity.role == .sender else { return nil }
        let budget = setup.configuration.limits.senderDailyMessages
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = setup.configuration.commune.timeZone
        let today = calendar.startOfDay(for: setup.now())
        let used = try await setup.store.notices()
            .filter { $0.createdAt >= today && identity.mayRead($0) }
            .reduce(0) { $0 + $1.messageCount }
        let wanted = try await setup.store.countAudience(draft.audience).targeted
        guard used + wanted > budget else { return nil }
        return "this token may queue at most \(budget) messages a day ([limits] sender_daily_messages); "
            + "\(used) are queued today and this notice would add \(wanted)"
    }
}
