import Foundation
import LoaCore

/// What a worker asks for when it claims due messages.
public struct ClaimRequest: Sendable {
    public var now: Date
    public var limit: Int
    /// Names the worker in `lease_owner`, so a claim can be traced to a process.
    public var worker: String
    /// How long the claim holds; a crashed worker's claims are retaken after it.
    public var lease: Duration
    /// During quiet hours only urgent notices go out.
    public var urgentOnly: Bool

    public init(now: Date, limit: Int, worker: String, lease: Duration, urgentOnly: Bool = false) {
        self.now = now
        self.limit = limit
        self.worker = worker
        self.lease = lease
        self.urgentOnly = urgentOnly
    }
}

/// One claimed message: which channel of its notice's chain to try and what to put on the wire.
public struct DispatchJob: Sendable, Equatable {
    public var messageID: Int64
    public var noticeID: String
    /// Index into the notice's channel chain.
    public var channelStep: Int
    /// Attempts already made on this channel step (0 for the first).
    public var attemptCount: Int
    /// The attempt row written when the claim was made.
    public var attemptID: Int64
    /// The idempotency key of this message on this channel step; the same on every re-send.
    public var idempotencyKey: String
    /// True when an earlier attempt on this step may have reached the gateway (crash or timeout).
    public var isResend: Bool
    /// The resident page's token (`/m/{token}`).
    public var linkToken: String?
    /// 0 for the notice itself, k for its k-th reminder.
    public var round: Int
    public var recipient: OutboundRecipient

    public init(
        messageID: Int64, noticeID: String, channelStep: Int, attemptCount: Int, attemptID: Int64,
        idempotencyKey: String, isResend: Bool, linkToken: String? = nil, round: Int = 0, recipient: OutboundRecipient
    ) {
        self.messageID = messageID
        self.noticeID = noticeID
        self.channelStep = channelStep
        self.attemptCount = attemptCount
        self.attemptID = attemptID
        self.idempotencyKey = idempotencyKey
        self.isResend = isResend
        self.linkToken = linkToken
        self.round = round
        self.recipient = recipient
    }
}

/// The resident as a claimed job needs them.
public struct OutboundRecipient: Sendable, Equatable {
    public var residentID: Int64
    public var name: String
    public var phone: PhoneNumber?
    public var zaloID: String?
    public var hamlet: String?

    public init(residentID: Int64, name: String, phone: PhoneNumber?, zaloID: String?, hamlet: String?) {
        self.residentID = residentID
        self.name = name
        self.phone = phone
        self.zaloID = zaloID
        self.hamlet = hamlet
    }
}

/// How a finished attempt changes a message; decided by the scheduler, written by the store.
public struct DispatchOutcome: Sendable, Equatable {
    public var messageID: Int64
    public var attemptID: Int64
    /// `accepted`, `retry`, `fallback`, `failed`, `deferred`…: the attempt's outcome word.
    public var attemptOutcome: String
    public var gatewayRef: String?
    public var segments: Int?
    public var error: String?
    /// Ladder state the message moves to (if the ladder allows), or nil to leave it.
    public var state: MessageState?
    /// When to act next; nil when the message needs nothing more from the scheduler.
    public var nextAt: Date?
    public var channelStep: Int
    public var attemptCount: Int
    /// Accepted on a channel with a later fallback: at `nextAt`, send on the next channel unless a
    /// delivery receipt came first.
    public var awaitReceipt: Bool
    public var finishedAt: Date

    public init(
        messageID: Int64, attemptID: Int64, attemptOutcome: String, gatewayRef: String? = nil,
        segments: Int? = nil, error: String? = nil, state: MessageState?, nextAt: Date?, channelStep: Int,
        attemptCount: Int, awaitReceipt: Bool = false, finishedAt: Date
    ) {
        self.messageID = messageID
        self.attemptID = attemptID
        self.attemptOutcome = attemptOutcome
        self.gatewayRef = gatewayRef
        self.segments = segments
        self.error = error
        self.state = state
        self.nextAt = nextAt
        self.channelStep = channelStep
        self.attemptCount = attemptCount
        self.awaitReceipt = awaitReceipt
        self.finishedAt = finishedAt
    }
}

/// One attempt as kept in a message's history.
public struct AttemptRecord: Sendable, Equatable {
    public var channel: String
    public var idempotencyKey: String
    public var startedAt: Date
    public var finishedAt: Date?
    public var outcome: String?
    public var gatewayRef: String?
    public var error: String?
}

/// What is left for the scheduler; `loa run --until-idle` stops when `started` and `inFlight` are 0.
public struct DispatchBacklog: Sendable, Equatable {
    /// Messages due now or earlier.
    public var due: Int
    /// Messages already begun (retry, receipt fallback) and waiting for a later time.
    public var started: Int
    /// Messages claimed by a worker whose lease still holds.
    public var inFlight: Int
    /// Queued messages of notices scheduled later.
    public var scheduled: Int
    /// When the next of those is due.
    public var nextAt: Date?

    public init(due: Int, started: Int, inFlight: Int, scheduled: Int, nextAt: Date?) {
        self.due = due
        self.started = started
        self.inFlight = inFlight
        self.scheduled = scheduled
        self.nextAt = nextAt
    }
}
