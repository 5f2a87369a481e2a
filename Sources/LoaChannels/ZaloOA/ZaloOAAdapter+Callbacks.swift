import Foundation

/// OA webhooks (gateways.md §3.2): JSON POSTs to one URL for every event, signed with
/// `X-ZEvent-Signature` (§3.4). Receipts and "seen" name Zalo's message ids; a resident's text
/// becomes a reply matched by sender. Other events (follow, images, OA echoes) give no events.
extension ZaloOAAdapter {
    public func verify(_ request: HookRequest) throws(CallbackError) {
        guard !signature.secretKey.isEmpty, !signature.appID.isEmpty else {
            throw CallbackError(.unauthorized, "channel \(config.name) has no secret_key to check Zalo events with")
        }
        try signature.verify(request)
    }

    public func events(in request: HookRequest) throws(CallbackError) -> [GatewayEvent] {
        try Self.conversationEvents(in: request)
    }

    /// The events of an OA conversation webhook, for this channel or for a `zalo-zns` channel of
    /// an app without a `zalo-oa` channel (followers' replies still acknowledge).
    public static func conversationEvents(in request: HookRequest) throws(CallbackError) -> [GatewayEvent] {
        // Zalo calls one URL for every event (§3.2), so `status` and `inbound` are read alike.
        let event = try ZaloEventEnvelope.read(request.body)
        let sentAt = ZaloEventEnvelope.date(millis: event.timestamp)
        switch event.eventName {
        case "user_received_message":
            guard let id = event.message?.msgID else {
                throw CallbackError(.malformed, "Zalo OA user_received_message without message.msg_id")
            }
            return [
                GatewayEvent(
                    subject: .gatewayRef(id), change: .state(.delivered), occurredAt: sentAt,
                    dedupeKey: "zalo-oa:\(id):delivered", detail: "Zalo OA user_received_message")
            ]
        case "user_seen_message":
            // §3.2: one "seen" covers several messages, listed in `msg_ids` (an array).
            guard let ids = event.message?.msgIDs ?? event.message?.msgID.map({ [$0] }) else {
                throw CallbackError(.malformed, "Zalo OA user_seen_message without message.msg_ids")
            }
            return ids.map { id in
                GatewayEvent(
                    subject: .gatewayRef(id), change: .state(.opened), occurredAt: sentAt,
                    dedupeKey: "zalo-oa:\(id):seen", detail: "Zalo OA user_seen_message")
            }
        case "user_send_text":
            // §3.2: for user_* events `sender.id` is the resident's OA-scoped user id.
            guard let from = event.sender?.id else {
                throw CallbackError(.malformed, "Zalo OA user_send_text without sender.id")
            }
            let text = event.message?.text ?? ""
            let reference = event.message?.msgID ?? "\(from):\(event.timestamp ?? "")"
            return [
                GatewayEvent(
                    subject: nil, change: .reply(from: from, text: text.precomposed), occurredAt: sentAt,
                    dedupeKey: "zalo-oa:in:\(reference)")
            ]
        default:
            return []
        }
    }
}
