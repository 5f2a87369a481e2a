import Foundation
import LoaCore

/// How far a notice's sending has got, for the progress block of its dashboard page.
///
/// A notice is *active* (its page refreshes itself every 5 s) when it is not cancelled, its send
/// time has come, and some message is still moving on its own: `queued` or `sending`, or
/// `accepted` by a gateway and awaiting a receipt while the notice has not expired (a notice
/// without an expiry waits for receipts until ``receiptWindow`` after its send time). Before its
/// send time, nothing moves, so the page does not refresh.
struct NoticeProgress: Sendable {
    /// How long receipts are awaited for a notice without an expiry.
    static let receiptWindow: TimeInterval = 24 * 3600
    /// The states in the order the page lists them: the ladder, then the endings.
    static let order: [MessageState] = [.queued, .sending, .accepted, .delivered, .opened, .acknowledged, .failed, .expired, .cancelled]

    let notice: Notice
    let counts: [MessageState: Int]

    var total: Int { counts.values.reduce(0, +) }

    /// Messages queued or being sent (taken by nothing yet).
    var unsent: Int { (counts[.queued] ?? 0) + (counts[.sending] ?? 0) }

    /// Messages that have reached a state that will not move on its own (receipts aside).
    var finished: Int { total - unsent - (counts[.accepted] ?? 0) }

    /// Whether the page should refresh itself: the rule above.
    func isActive(at now: Date) -> Bool {
        guard notice.status != .cancelled, notice.draft.sendAt <= now, total > 0 else { return false }
        if unsent > 0 { return true }
        let window = notice.draft.expiresAt ?? notice.draft.sendAt.addingTimeInterval(Self.receiptWindow)
        return (counts[.accepted] ?? 0) > 0 && now < window
    }

    /// The template's values: every state with its words and count, the share finished and the time.
    func context(_ text: DashboardText, at now: Date, zone: TimeZone) -> [String: Any] {
        var clock = Calendar(identifier: .gregorian)
        clock.timeZone = zone
        let time = clock.dateComponents([.hour, .minute, .second], from: now)
        let share = total == 0 ? 0 : Double(finished) / Double(total)
        return [
            "states": Self.order.map { ["label": text["progress.\($0.rawValue)"], "count": counts[$0] ?? 0] as [String: Any] },
            "total": total, "finished": finished, "pending": total - finished, "percent": HTMLReport.percent(share),
            "updated": String(format: "%02d:%02d:%02d", time.hour ?? 0, time.minute ?? 0, time.second ?? 0),
        ]
    }
}
