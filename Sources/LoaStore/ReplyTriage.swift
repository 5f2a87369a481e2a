import Foundation
import LoaCore

/// Staff work through the replies that acknowledged nothing: attach one to a notice (which
/// acknowledges the sender's message of it) or dismiss it; both are kept on the reply and audited.
public protocol ReplyTriage: Sendable {
    /// Replies that acknowledged nothing and nobody handled yet, newest first, with their sender.
    func unhandledReplies(limit: Int) async throws -> [TriageReply]

    /// Replies staff attached or dismissed, the most recently handled first.
    func handledReplies(limit: Int) async throws -> [TriageReply]

    /// The ids of the notices whose messages went to `resident`, newest first.
    func noticesTargeting(resident: Int64) async throws -> [String]

    /// Acknowledges the reply's sender's message of `notice` (via `reply`, under `actor`) and marks
    /// the reply handled, audited as `reply.attach`; nothing changes unless it is `.handled`.
    func attachReply(id: Int64, notice: String, actor: String, at: Date) async throws -> TriageOutcome

    /// Marks the reply handled without acknowledging anything, audited as `reply.dismiss`.
    func dismissReply(id: Int64, actor: String, at: Date) async throws -> TriageOutcome
}

/// A reply with the resident who sent it, when Loa knows them.
public struct TriageReply: Sendable, Equatable {
    public var reply: ReplyRecord
    public var residentName: String?
    public var hamlet: String?

    public init(reply: ReplyRecord, residentName: String?, hamlet: String?) {
        self.reply = reply
        self.residentName = residentName
        self.hamlet = hamlet
    }
}

/// What attaching or dismissing a reply did.
public enum TriageOutcome: Sendable, Equatable {
    /// Done now; the reply as it stands, and for an attachment whether the message was
    /// acknowledged now (`true`) or had been before (`false`).
    case handled(ReplyRecord, acknowledgedNow: Bool)
    /// Someone handled it before; nothing changed.
    case alreadyHandled(ReplyRecord)
    /// No reply has that id.
    case notFound
    /// The sender is no known resident, or the notice never went to them.
    case notTargeted
    /// The resident's message of that notice can no longer be acknowledged (cancelled, expired).
    case closed(MessageState)
}

/// The SQL both backends share for the triage lists.
enum TriageSQL {
    /// Replies joined with their resident's name and hamlet name.
    static let select = """
        SELECT rp.*, r.name AS resident_name, h.name AS hamlet_name FROM replies rp
        LEFT JOIN residents r ON r.id = rp.resident_id LEFT JOIN hamlets h ON h.id = r.hamlet_id
        """

    /// Replies that acknowledged nothing when they came in (see ``ReplyRecord/matched``).
    static let unmatched = "rp.outcome NOT LIKE 'acknowledged %' AND rp.outcome NOT LIKE 'already acknowledged %'"

    /// The audit detail of a handled reply: who wrote what (cut to 80 characters).
    static func detail(_ reply: ReplyRecord, _ extra: String) -> String {
        let text = reply.text.count > 80 ? String(reply.text.prefix(80)) + "…" : reply.text
        return "reply \(reply.id ?? 0) from \(reply.sender) (\(text)): \(extra)"
    }
}
