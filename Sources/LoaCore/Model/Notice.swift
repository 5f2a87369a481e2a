import Foundation

/// What kind of notice is sent; convocations ask for an acknowledgement by default.
public enum NoticeKind: String, Sendable, Codable, CaseIterable {
    case convocation, notice, alert
}

/// Dispatch priority; `urgent` ignores quiet hours and goes first.
public enum NoticePriority: String, Sendable, Codable, CaseIterable {
    case normal, urgent
}

/// Whether a notice is still being worked on.
public enum NoticeStatus: String, Sendable, Codable {
    case active, cancelled
}

/// A notice as staff wrote it, before it is stored.
public struct NoticeDraft: Sendable, Equatable {
    public var kind: NoticeKind
    public var title: String
    public var body: String
    public var audience: [AudienceSelector]
    public var channels: ChannelPolicy
    public var sendAt: Date
    public var expiresAt: Date?
    public var meetingAt: Date?
    public var place: String?
    public var ackRequired: Bool
    public var reminders: [Duration]
    public var priority: NoticePriority
    /// Who created it, as the audit log names them (`token:<label>`, `cli`).
    public var createdBy: String
    /// The id of the API token that created it, if one did: what makes it a sender's own.
    public var createdByToken: Int64?

    public init(
        kind: NoticeKind, title: String, body: String, audience: [AudienceSelector],
        channels: ChannelPolicy, sendAt: Date, expiresAt: Date? = nil, meetingAt: Date? = nil,
        place: String? = nil, ackRequired: Bool? = nil, reminders: [Duration] = [],
        priority: NoticePriority = .normal, createdBy: String = "cli", createdByToken: Int64? = nil
    ) {
        self.kind = kind
        self.title = title.precomposed
        self.body = body.precomposed
        self.audience = audience
        self.channels = channels
        self.sendAt = sendAt
        self.meetingAt = meetingAt
        // SPEC §2: a convocation expires at its meeting time unless set.
        self.expiresAt = expiresAt ?? (kind == .convocation ? meetingAt : nil)
        self.place = place?.precomposed
        self.ackRequired = ackRequired ?? (kind == .convocation)
        self.reminders = reminders
        self.priority = priority
        self.createdBy = createdBy
        self.createdByToken = createdByToken
    }
}

/// A stored notice with its identity and message count.
public struct Notice: Sendable, Equatable, Identifiable {
    public var id: String
    public var draft: NoticeDraft
    public var status: NoticeStatus
    public var createdAt: Date
    public var messageCount: Int

    public init(id: String, draft: NoticeDraft, status: NoticeStatus, createdAt: Date, messageCount: Int) {
        self.id = id
        self.draft = draft
        self.status = status
        self.createdAt = createdAt
        self.messageCount = messageCount
    }

    /// The code residents may add to a reply ("OK 7K3Q") to name this notice.
    public var shortCode: String { String(id.dropFirst(2)) }
}
