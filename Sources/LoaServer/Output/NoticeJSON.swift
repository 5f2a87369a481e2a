import Foundation
import LoaCore

/// A notice as `--format json` prints it; field names follow `notice create`'s flags (SPEC §5).
public struct NoticeJSON: Encodable, Sendable {
    public let id: String
    public let kind: String
    public let title: String
    public let body: String
    public let to: [String]
    public let at: String
    @NullEncoded public var expires: String?
    @NullEncoded public var meeting: String?
    @NullEncoded public var place: String?
    public let channels: String
    public let remind: [String]
    public let ackRequired: Bool
    public let priority: String
    public let status: String
    public let shortCode: String
    public let messages: Int
    public let createdAt: String
    public let createdBy: String
    /// Messages per state; `loa notice show` and the API's notice fill it in.
    @NullEncoded public var states: [String: Int]?
    /// How many queued messages a cancel stopped; set only in the answer to a cancel.
    @NullEncoded public var cancelledMessages: Int?

    /// The notice's JSON form, times on the commune's clock.
    public init(_ notice: Notice, zone: TimeZone) {
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

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, kind, title, body, to, at, expires, meeting, place, channels, remind, priority, status
        case messages, states
        case ackRequired = "ack_required"
        case shortCode = "short_code"
        case createdAt = "created_at"
        case createdBy = "created_by"
        case cancelledMessages = "cancelled_messages"
    }
}
