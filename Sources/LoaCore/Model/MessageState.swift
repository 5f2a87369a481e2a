/// Where one message (one notice for one resident) stands; see SPEC §2.
///
/// The ladder `queued → sending → accepted → delivered → opened → acknowledged` only ever moves up;
/// `failed`, `expired` and `cancelled` end it.
public enum MessageState: String, Sendable, Codable, CaseIterable, Comparable {
    case queued, sending, accepted, delivered, opened, acknowledged
    case failed, expired, cancelled

    /// Position on the ladder; terminal outcomes sit beside it, not on it.
    public var rank: Int {
        switch self {
        case .queued: 0
        case .sending: 1
        case .accepted: 2
        case .delivered: 3
        case .opened: 4
        case .acknowledged: 5
        case .failed, .expired, .cancelled: -1
        }
    }

    /// True for the outcomes that end a message without it being reached.
    public var isTerminalFailure: Bool { rank < 0 }

    /// True once the resident opened or acknowledged the message (SPEC §2 "reached").
    public var isReached: Bool { self == .opened || self == .acknowledged }

    /// Whether an event reporting `next` may replace `self` as the message's state.
    ///
    /// - The ladder never moves down: a late `accepted` after `delivered` is history only.
    /// - `failed` can follow anything not yet delivered; only evidence of delivery (`delivered`,
    ///   `opened`, `acknowledged`) lifts a failure. A late `accepted` or progress report after a
    ///   final "not delivered" is history only (callbacks arrive late and out of order).
    /// - `expired` and `cancelled` only end messages that no gateway has taken yet (`queued`, or
    ///   `sending` while waiting for a retry).
    /// - Nothing moves a cancelled or expired message.
    public func canMove(to next: MessageState) -> Bool {
        switch (self, next) {
        case (.cancelled, _), (.expired, _): false
        case (_, .cancelled), (_, .expired): self == .queued || self == .sending
        case (.failed, .failed): false
        case (_, .failed): rank < MessageState.delivered.rank
        case (.failed, _): next.rank >= MessageState.delivered.rank
        default: next.rank > rank
        }
    }

    /// The states from which `next` is an allowed move; the store uses this to make updates atomic.
    public static func sources(for next: MessageState) -> [MessageState] {
        allCases.filter { $0.canMove(to: next) }
    }

    public static func < (lhs: MessageState, rhs: MessageState) -> Bool { lhs.rank < rhs.rank }
}
