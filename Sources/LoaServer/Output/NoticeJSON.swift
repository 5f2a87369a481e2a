import Foundation
import LoaCore

/// A notice as `--format json` prints it; field names follow `notice create`'s flags (SPEC §5).
struct NoticeJSON: Encodable {
    let id: String
    let kind: String
    let title: String
    let body: String
    let to: [String]
    let at: String
    let expires: String?
    let meeting: String?
    let place: String?
    let channels: String
    let remind: [String]
    let ackRequired: Bool
    let priority: String
    let status: String
    let shortCode: String
    let messages: Int
    let createdAt: String
    let createdBy: String
    var states: [String: Int]?
    var cancelledMessages: Int?

    init(_ notice: Notice, zone: TimeZone) {
        let draft = notice.draft
        id = notice.id
        kind = draft.kind.rawValue
        title = draft.title
        body = draft.body
        to = draft.audience.map(\.description)
        at = TimeText.iso(draft.sendAt, in: zone)
        expires = draft.expiresAt.map { TimeText.iso($0, in: zone) }
        meeting = draft.meetingAt.map { TimeText.iso($0, in: zone) }
        place = draft.place
        channels = draft.channels.description
        remind = draft.reminders.map(DurationText.format)
        ackRequired = draft.ackRequired
        priority = draft.priority.rawValue
        status = notice.status.rawValue
        shortCode = notice.shortCode
        messages = notice.messageCount
        createdAt = TimeText.iso(notice.createdAt, in: zone)
        createdBy = draft.createdBy
    }

    enum CodingKeys: String, CodingKey {
        case id, kind, title, body, to, at, expires, meeting, place, channels, remind, priority, status
        case messages, states
        case ackRequired = "ack_required"
        case shortCode = "short_code"
        case createdAt = "created_at"
        case createdBy = "created_by"
        case cancelledMessages = "cancelled_messages"
    }
}
