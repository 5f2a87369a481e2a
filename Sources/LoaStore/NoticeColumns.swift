import Foundation
import LoaCore

/// How a notice maps to and from its stored columns, shared by every backend's row decoding.
enum NoticeColumns {
    private static let alphabet = ShortCode.alphabet

    /// `N-` and six random characters (30 bits); the caller retries on the rare collision.
    static func randomID() -> String {
        var generator = SystemRandomNumberGenerator()
        return "N-" + String((0..<ShortCode.length).map { _ in alphabet[Int(generator.next() % 32)] })
    }

    static func encode(_ reminders: [Duration]) -> String {
        reminders.map { String($0.components.seconds) }.joined(separator: ",")
    }

    static func decodeReminders(_ text: String) -> [Duration] {
        text.split(separator: ",").compactMap { Int64($0) }.map { Duration.seconds($0) }
    }
}

/// A stored row as notice decoding needs it: the typed reads both backends' rows provide.
protocol StoredRow {
    func text(_ column: String) throws -> String
    func optionalText(_ column: String) throws -> String?
    func integer(_ column: String) throws -> Int64
    func optionalInteger(_ column: String) throws -> Int64?
    func flag(_ column: String) throws -> Bool
}

extension NoticeColumns {
    /// The notice in a `notices` row (or a row holding all its columns).
    static func notice(from row: some StoredRow) throws -> Notice {
        let audience = try TextList.decode(row.text("audience")).map { try AudienceSelector(parsing: $0) }
        let expires = try row.optionalInteger("expires_at").map(Date.init(millis:))
        var draft = try NoticeDraft(
            kind: NoticeKind(rawValue: row.text("kind")) ?? .notice, title: row.text("title"), body: row.text("body"),
            audience: audience, channels: ChannelPolicy(parsing: row.text("channels")),
            sendAt: Date(millis: row.integer("send_at")), expiresAt: expires,
            meetingAt: row.optionalInteger("meeting_at").map(Date.init(millis:)), place: row.optionalText("place"),
            ackRequired: row.flag("ack_required"), reminders: decodeReminders(row.text("reminders")),
            priority: NoticePriority(rawValue: row.text("priority")) ?? .normal, createdBy: row.text("created_by"),
            createdByToken: row.optionalInteger("created_by_token"))
        draft.expiresAt = expires
        return Notice(
            id: try row.text("id"), draft: draft, status: NoticeStatus(rawValue: try row.text("status")) ?? .active,
            createdAt: Date(millis: try row.integer("created_at")), messageCount: Int(try row.integer("message_count")))
    }
}
