import Foundation
import GRDB
import LoaCore

extension NoticeColumns {
    static func notice(from row: Row) throws -> Notice {
        let audience = try TextList.decode(row["audience"]).map { try AudienceSelector(parsing: $0) }
        let expires: Int64? = row["expires_at"]
        let meeting: Int64? = row["meeting_at"]
        var draft = try NoticeDraft(
            kind: NoticeKind(rawValue: row["kind"]) ?? .notice, title: row["title"], body: row["body"],
            audience: audience, channels: ChannelPolicy(parsing: row["channels"]),
            sendAt: Date(millis: row["send_at"]), expiresAt: expires.map(Date.init(millis:)),
            meetingAt: meeting.map(Date.init(millis:)), place: row["place"],
            ackRequired: row["ack_required"], reminders: decodeReminders(row["reminders"]),
            priority: NoticePriority(rawValue: row["priority"]) ?? .normal, createdBy: row["created_by"])
        draft.expiresAt = expires.map(Date.init(millis:))
        return Notice(
            id: row["id"], draft: draft, status: NoticeStatus(rawValue: row["status"]) ?? .active,
            createdAt: Date(millis: row["created_at"]), messageCount: row["message_count"])
    }
}
