import Foundation
import LoaCore

/// A gateway callback as the store applies it: which message, which state, and a key that makes
/// repeats harmless.
public struct TrackingEvent: Sendable, Equatable {
    /// How the message is found.
    public enum Subject: Sendable, Equatable {
        /// Loa's idempotency key as echoed by the gateway.
        case key(String)
        /// The gateway's id from the send reply, optionally narrowed to one phone (E.164).
        case gatewayRef(String, phone: String?)
    }

    public var subject: Subject
    public var state: MessageState
    public var occurredAt: Date?
    public var dedupeKey: String
    public var detail: String?

    public init(subject: Subject, state: MessageState, occurredAt: Date? = nil, dedupeKey: String, detail: String? = nil) {
        self.subject = subject
        self.state = state
        self.occurredAt = occurredAt
        self.dedupeKey = dedupeKey
        self.detail = detail
    }
}

/// The tracking events of one gateway callback, as ``Store/applyTracking(_:)`` takes several
/// callbacks at once (the server's group commit of concurrent hooks).
public struct TrackingBatch: Sendable, Equatable {
    public var events: [TrackingEvent]
    public var channel: String
    public var receivedAt: Date

    public init(events: [TrackingEvent], channel: String, receivedAt: Date) {
        self.events = events
        self.channel = channel
        self.receivedAt = receivedAt
    }
}

/// What applying one ``TrackingEvent`` did.
public enum TrackingResult: Sendable, Equatable {
    /// Kept in the history; `moved` tells whether the message went up the ladder.
    case applied(message: Int64, moved: Bool)
    /// The same callback came before; nothing changed.
    case duplicate
    /// No message has that key or reference; nothing changed.
    case unknownMessage
}

/// What a resident's page shows about their message.
public struct LinkTarget: Sendable, Equatable {
    public var messageID: Int64
    public var notice: Notice
    public var residentName: String
    public var state: MessageState
    public var acknowledgedAt: Date?
    /// Whether the page of this link was served before (a `visit` event exists).
    public var pageServed: Bool = false
}

/// How an acknowledgement went.
public enum AckResult: Sendable, Equatable {
    /// Recorded now.
    case recorded(message: Int64)
    /// It was acknowledged before (at that time); nothing changed.
    case already(message: Int64, at: Date?)
    /// The message can no longer be acknowledged (cancelled, expired, never sent, or notice expired).
    case closed(message: Int64, state: MessageState)
}

/// One resident targeted but not reached (or not acknowledged), for `loa unread`.
public struct UnreadEntry: Sendable, Equatable {
    public var residentID: Int64
    public var name: String
    public var phone: String?
    public var hamlet: String?
    public var state: MessageState
    public var lastError: String?
}

/// One inbound reply as kept for staff.
public struct ReplyRecord: Sendable, Equatable {
    public var channel: String
    public var sender: String
    public var text: String
    public var receivedAt: Date
    /// `acknowledged N-…`, `no keyword`, `unknown sender`, `no open convocation`.
    public var outcome: String
    public var message: Int64?
    /// The stored row's id (nil only for a record not read back from the store).
    public var id: Int64? = nil
    /// The resident the sender is, when Loa knows the number or Zalo id.
    public var residentID: Int64? = nil
    /// When staff attached the reply to a notice or dismissed it (``ReplyTriage``).
    public var handledAt: Date? = nil
    /// Who handled it (the audit log's actor).
    public var handledBy: String? = nil
    /// What staff did: `attached N-…` or `dismissed`.
    public var handling: String? = nil

    /// Whether the reply acknowledged a notice when it came in.
    public var matched: Bool { outcome.hasPrefix("acknowledged ") || outcome.hasPrefix("already acknowledged ") }

    /// This reply as staff left it: handled at `time` by `actor`, how, and the message it acknowledged.
    func handled(at time: Date, by actor: String, _ handling: String, message: Int64? = nil) -> ReplyRecord {
        var handled = self
        handled.handledAt = time
        handled.handledBy = actor
        handled.handling = handling
        if let message { handled.message = message }
        return handled
    }
}

/// Which residents `loa unread` lists.
public struct UnreadFilter: Sendable, Equatable {
    /// List those who did not acknowledge, instead of those not reached.
    public var notAcknowledged = false
    public var hamlet: String?

    public init(notAcknowledged: Bool = false, hamlet: String? = nil) {
        self.notAcknowledged = notAcknowledged
        self.hamlet = hamlet
    }
}
