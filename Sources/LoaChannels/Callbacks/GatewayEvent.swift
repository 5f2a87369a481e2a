import Foundation
import LoaCore

/// One thing a gateway callback reports: a message's new state, or a resident's reply.
///
/// Parsers only translate; the server finds the message, deduplicates on `dedupeKey` and applies
/// the state monotonically (a late "accepted" after "delivered" is kept but lowers nothing).
public struct GatewayEvent: Sendable, Equatable {
    /// How the message is found.
    public enum Subject: Sendable, Equatable {
        /// Loa's idempotency key, echoed by the gateway (ZNS `tracking_id`, eSMS `RequestId`, the
        /// id Loa put in Kannel's `dlr-url`).
        case key(String)
        /// The gateway's own message id from the send reply (ZNS/OA `msg_id`, Twilio `sid`,
        /// eSMS `SMSID`, SpeedSMS `tranId`), optionally narrowed to one phone.
        case gatewayRef(String, phone: String? = nil)
    }

    /// What happened.
    public enum Change: Sendable, Equatable {
        /// The message moved: `accepted`, `delivered`, `opened` (OA "seen") or `failed`.
        case state(MessageState)
        /// The resident wrote back; `from` is an E.164 phone (`+84…`) or a Zalo user id.
        case reply(from: String, text: String)
    }

    /// Nil for replies, which are matched by sender instead.
    public var subject: Subject?
    public var change: Change
    /// When it happened according to the gateway (ZNS `delivery_time`, Kannel `%T`), if it says.
    public var occurredAt: Date?
    /// The same for every repeat of the same callback, so duplicates are harmless.
    public var dedupeKey: String
    /// The gateway's words worth keeping: error text, raw status, SMPP receipt.
    public var detail: String?

    public init(
        subject: Subject?, change: Change, occurredAt: Date? = nil, dedupeKey: String, detail: String? = nil
    ) {
        self.subject = subject
        self.change = change
        self.occurredAt = occurredAt
        self.dedupeKey = dedupeKey
        self.detail = detail
    }
}
