import Foundation

/// ZNS webhooks (gateways.md §1.3): JSON POSTs signed with `X-ZEvent-Signature` (§3.4). Only
/// `user_received_message` says anything about a message: ZNS-by-phone has no "seen" event and no
/// failure event, so template, quota and other notices give no events.
extension ZaloZNSAdapter {
    public func verify(_ request: HookRequest) throws(CallbackError) {
        guard !signature.secretKey.isEmpty, !signature.appID.isEmpty else {
            throw CallbackError(.unauthorized, "channel \(config.name) has no secret_key to check Zalo events with")
        }
        try signature.verify(request)
    }

    public func events(in request: HookRequest) throws(CallbackError) -> [GatewayEvent] {
        // Zalo calls one URL for every event (§3.2), so `status` and `inbound` are read alike.
        let event = try ZaloEventEnvelope.read(request.body)
        guard event.eventName == "user_received_message" else { return [] }
        let message = event.message
        let subject: GatewayEvent.Subject
        if let tracking = message?.trackingID {
            subject = .key(tracking)
        } else if let id = message?.msgID {
            subject = .gatewayRef(id)
        } else {
            throw CallbackError(.malformed, "ZNS user_received_message without msg_id or tracking_id")
        }
        // §1.3: delivery_time is when the phone got it; `timestamp` is only when Zalo sent the event.
        let deliveredAt = ZaloEventEnvelope.date(millis: message?.deliveryTime)
        let reference = message?.msgID ?? message?.trackingID ?? ""
        return [
            GatewayEvent(
                subject: subject, change: .state(.delivered), occurredAt: deliveredAt,
                dedupeKey: "zns:\(reference):delivered", detail: "ZNS user_received_message")
        ]
    }
}
