import Foundation
import LoaChannels
import LoaStore
import Synchronization

/// The daily allowance of the channels whose gateway reports one (ZNS `quota.remainingQuota`,
/// gateways.md §1.2, §1.6), as the dispatcher sees it: the gateway's last figure less the requests
/// in flight. Kept in memory; the dispatch loop persists what changed, not every send.
final class QuotaBook: Sendable {
    /// Whether a send may go now.
    enum Gate: Equatable {
        case go
        /// The allowance left is all taken by requests in flight: look again once they answer.
        case hold
        /// Nothing left until the allowance renews.
        case exhausted(until: Date)
    }

    private struct Entry {
        var daily: Int?
        /// The gateway's last figure, nil when unknown (never heard, or renewed since).
        var remaining: Int?
        var resetsAt: Date?
        var inFlight = 0
        var changed = false
        /// Whether the last saved figure said exhausted: a change of that is saved at once.
        var savedExhausted = false
        var savedAt = Date.distantPast
    }

    /// The channels counted; any other channel costs nothing.
    let channels: Set<String>
    private let entries: Mutex<[String: Entry]>
    /// How often a changing figure is saved at most (exhaustion itself is saved at once).
    static let saveInterval: TimeInterval = 5

    init(channels: Set<String>) {
        self.channels = channels
        entries = Mutex(Dictionary(uniqueKeysWithValues: channels.map { ($0, Entry()) }))
    }

    /// Takes the figures another process or an earlier run saved, where they still hold.
    func load(_ quotas: [ChannelQuota], now: Date) {
        entries.withLock { entries in
            for quota in quotas where channels.contains(quota.channel) && quota.resetsAt > now {
                entries[quota.channel]?.daily = quota.daily
                entries[quota.channel]?.remaining = quota.remaining
                entries[quota.channel]?.resetsAt = quota.resetsAt
                entries[quota.channel]?.savedExhausted = quota.remaining <= 0
                entries[quota.channel]?.savedAt = now
            }
        }
    }

    /// Whether one more send may go on `channel`; `.go` counts it in flight until `settle`.
    func reserve(_ channel: String, now: Date) -> Gate {
        entries.withLock { entries in
            guard var entry = entries[channel] else { return .go }
            defer { entries[channel] = entry }
            if let reset = entry.resetsAt, now >= reset {
                entry.remaining = nil
                entry.resetsAt = nil
                entry.changed = true
            }
            if let left = entry.remaining {
                if left <= 0 { return .exhausted(until: entry.resetsAt ?? Self.nextReset(after: now)) }
                if left - entry.inFlight <= 0 { return .hold }
            }
            entry.inFlight += 1
            return .go
        }
    }

    /// Notes how a reserved send ended: a reply's quota figure, or the gateway saying none is left.
    func settle(_ channel: String, _ result: Result<SendResult, SendError>, now: Date) {
        entries.withLock { entries in
            guard var entry = entries[channel] else { return }
            entry.inFlight = max(0, entry.inFlight - 1)
            switch result {
            case .success(let sent):
                if let quota = sent.quota { Self.apply(quota, to: &entry, now: now) }
            case .failure(let error) where error.kind == .quotaExhausted:
                entry.remaining = 0
                entry.resetsAt = error.retryAfter.map { now.addingTimeInterval($0.seconds) } ?? Self.nextReset(after: now)
                entry.changed = true
            case .failure:
                break
            }
            entries[channel] = entry
        }
    }

    /// Takes a figure read outside a send (`GET /message/quota` at start-up).
    func observe(_ channel: String, _ quota: QuotaReading, now: Date) {
        entries.withLock { entries in
            guard var entry = entries[channel] else { return }
            Self.apply(quota, to: &entry, now: now)
            entries[channel] = entry
        }
    }

    private static func apply(_ quota: QuotaReading, to entry: inout Entry, now: Date) {
        entry.daily = quota.daily ?? entry.daily
        entry.remaining = quota.remaining
        entry.resetsAt = nextReset(after: now)
        entry.changed = true
    }

    /// The figures to save now: those that changed, at once when exhaustion began or ended, else at
    /// most every ``saveInterval``; `all` takes every changed one (at the end of a run).
    func changes(now: Date, all: Bool = false) -> [ChannelQuota] {
        entries.withLock { entries in
            var due: [ChannelQuota] = []
            for (channel, entry) in entries where entry.changed {
                let exhausted = (entry.remaining ?? 1) <= 0
                guard all || exhausted != entry.savedExhausted || now.timeIntervalSince(entry.savedAt) >= Self.saveInterval
                else { continue }
                due.append(
                    ChannelQuota(
                        channel: channel, daily: entry.daily, remaining: entry.remaining ?? entry.daily ?? 0,
                        resetsAt: entry.resetsAt ?? now, updatedAt: now))
                entries[channel]?.changed = false
                entries[channel]?.savedExhausted = exhausted
                entries[channel]?.savedAt = now
            }
            return due
        }
    }

    /// The next midnight in Vietnam, when Zalo renews daily quotas (gateways.md §1.5 -144, §11.5).
    static func nextReset(after now: Date) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = vietnam
        return calendar.nextDate(after: now, matching: DateComponents(hour: 0, minute: 0, second: 0), matchingPolicy: .nextTime)
            ?? now.addingTimeInterval(24 * 3600)
    }

    private static let vietnam = TimeZone(identifier: "Asia/Ho_Chi_Minh")!
}
