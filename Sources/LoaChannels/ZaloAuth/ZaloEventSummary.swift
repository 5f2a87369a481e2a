import Foundation

/// What the server needs to know about a Zalo webhook to hand it to the right channel of the app
/// (gateways.md §13: one URL receives every event of one app).
public struct ZaloEventSummary: Sendable, Equatable {
    /// `event_name`, e.g. `user_received_message`, `user_seen_message`, `user_send_text`.
    public var name: String?
    /// A ZNS event: `X-ZEvent-Server: ZNS` (§1.3), or a receipt that echoes a `tracking_id`.
    public var fromZNS: Bool
    /// `sender.id` and `recipient.id`: one of them is the OA (§3.2 direction rule).
    public var parties: [String]

    public init(name: String?, fromZNS: Bool, parties: [String]) {
        self.name = name
        self.fromZNS = fromZNS
        self.parties = parties
    }

    /// The summary of `request`'s body, or nil when the body is not a Zalo event.
    public static func of(_ request: HookRequest) -> ZaloEventSummary? {
        guard let envelope = try? ZaloEventEnvelope.read(request.body) else { return nil }
        let server = request.header("X-ZEvent-Server")?.trimmingCharacters(in: .whitespaces).uppercased()
        return ZaloEventSummary(
            name: envelope.eventName, fromZNS: server == "ZNS" || envelope.message?.trackingID != nil,
            parties: [envelope.sender?.id, envelope.recipient?.id].compactMap { $0 })
    }

    /// An OA conversation event (receipt, seen, a follower's message) rather than a ZNS one.
    public var isOAConversation: Bool {
        guard !fromZNS, let name else { return false }
        return name == "user_received_message" || name == "user_seen_message" || name.hasPrefix("user_send_")
    }
}
