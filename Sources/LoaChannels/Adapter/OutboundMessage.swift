import Foundation
import LoaCore

/// Everything an adapter may put on the wire for one message on one channel.
public struct OutboundMessage: Sendable, Equatable {
    public var messageID: Int64
    /// Stable per message and channel (ASCII, ≤ 48 characters): eSMS `RequestId`, ZNS `tracking_id`,
    /// the id in Kannel's `dlr-url`. A re-send after a crash carries the same key.
    public var idempotencyKey: String
    public var noticeID: String
    public var shortCode: String
    public var kind: NoticeKind
    public var title: String
    public var body: String
    /// The resident's personal page (`{public_url}/m/{token}`), if the server is configured.
    public var link: String?
    /// The resident's link token alone (the `{token}` of `link`), for gateways that register the
    /// URL prefix themselves (ZNS buttons, gateways.md §13).
    public var linkToken: String?
    public var recipient: Recipient
    public var meetingAt: Date?
    public var place: String?
    public var expiresAt: Date?
    public var ackRequired: Bool
    public var timeZone: TimeZone

    /// What a reminder puts before the notice's title.
    public static let reminderPrefix = "Nhắc lại: "

    /// Who receives it.
    public struct Recipient: Sendable, Equatable {
        public var name: String
        public var phone: PhoneNumber?
        public var zaloID: String?
        public var hamlet: String?

        public init(name: String, phone: PhoneNumber?, zaloID: String? = nil, hamlet: String? = nil) {
            self.name = name
            self.phone = phone
            self.zaloID = zaloID
            self.hamlet = hamlet
        }
    }

    public init(
        messageID: Int64, idempotencyKey: String, noticeID: String, shortCode: String, kind: NoticeKind,
        title: String, body: String, link: String? = nil, recipient: Recipient, meetingAt: Date? = nil,
        place: String? = nil, expiresAt: Date? = nil, ackRequired: Bool = false,
        timeZone: TimeZone = TimeZone(identifier: "Asia/Ho_Chi_Minh")!, linkToken: String? = nil
    ) {
        self.linkToken = linkToken
        self.messageID = messageID
        self.idempotencyKey = idempotencyKey
        self.noticeID = noticeID
        self.shortCode = shortCode
        self.kind = kind
        self.title = title
        self.body = body
        self.link = link
        self.recipient = recipient
        self.meetingAt = meetingAt
        self.place = place
        self.expiresAt = expiresAt
        self.ackRequired = ackRequired
        self.timeZone = timeZone
    }
}
