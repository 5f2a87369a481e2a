import Foundation
import LoaStore

/// What `loa run --until-idle` waits for while nothing can be sent now, said as one line.
public struct IdleWait: Sendable, Equatable {
    /// A kind of waiting, in the order the line names them.
    public enum Reason: String, Sendable, Hashable {
        case receipts, quietHours, retries, claimed
    }

    /// Receipts, retries and live claims, from the store.
    public var waits: DispatchWaits
    /// Messages due but held back by quiet hours.
    public var quiet: Int
    /// When quiet hours end.
    public var quietUntil: Date?

    public init(waits: DispatchWaits, quiet: Int = 0, quietUntil: Date? = nil) {
        self.waits = waits
        self.quiet = quiet
        self.quietUntil = quietUntil
    }

    /// The kinds of waiting there are now; empty when there is nothing to say.
    public var reasons: [Reason] {
        var reasons: [Reason] = []
        if waits.receipts > 0 { reasons.append(.receipts) }
        if quiet > 0 { reasons.append(.quietHours) }
        if waits.retries > 0 { reasons.append(.retries) }
        if waits.claimed > 0 { reasons.append(.claimed) }
        return reasons
    }

    /// `waiting: 120 receipts due until 14:35; 12 retries, next at 14:02:10`, on `zone`'s clock.
    public func line(in zone: TimeZone) -> String {
        let parts = reasons.map { reason -> String in
            switch reason {
            case .receipts:
                Self.count(waits.receipts, "receipt") + " due until " + Self.time(waits.receiptsUntil, zone, "HH:mm")
            case .quietHours:
                "quiet hours until " + Self.time(quietUntil, zone, "HH:mm") + " (" + Self.count(quiet, "message") + ")"
            case .retries:
                Self.count(waits.retries, "retry", plural: "retries") + ", next at "
                    + Self.time(waits.nextRetry, zone, "HH:mm:ss")
            case .claimed:
                Self.count(waits.claimed, "message") + " claimed by another run, lease ends "
                    + Self.time(waits.claimedUntil, zone, "HH:mm:ss")
            }
        }
        return "waiting: " + parts.joined(separator: "; ")
    }

    private static func count(_ count: Int, _ noun: String, plural: String? = nil) -> String {
        "\(count) " + (count == 1 ? noun : plural ?? noun + "s")
    }

    private static func time(_ date: Date?, _ zone: TimeZone, _ format: String) -> String {
        guard let date else { return "?" }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = zone
        formatter.dateFormat = format
        return formatter.string(from: date)
    }
}
