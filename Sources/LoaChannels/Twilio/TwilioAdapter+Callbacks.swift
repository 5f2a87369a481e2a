import Foundation
import LoaCore

/// Twilio callbacks (gateways.md §9): form-encoded POSTs signed with `X-Twilio-Signature` — the
/// status callback (`MessageSid`, `MessageStatus`, `ErrorCode`, …) and inbound SMS (`From`, `Body`).
///
/// A number's webhook can also be set to GET; Twilio then sends the same parameters in the query
/// string and signs the URL alone, query included (§9: "URL + each POST parameter"). Such a call is
/// verified on its URL and read from its query, so what is read is exactly what was signed (the
/// empty body of a GET used to be read, and the callback was lost); a POST is read from its form.
extension TwilioAdapter {
    public func verify(_ request: HookRequest) throws(CallbackError) {
        guard let signature = request.header("X-Twilio-Signature"), !signature.isEmpty else {
            throw CallbackError(.unauthorized, "Twilio callback without X-Twilio-Signature")
        }
        // §9: JSON-bodied webhooks are signed differently (`bodySHA256`); messaging callbacks are forms.
        let parameters = request.method == "POST" ? request.form : []
        guard request.method == "POST" || request.method == "GET" else {
            throw CallbackError(.unauthorized, "Twilio calls back with POST or GET, not \(request.method)")
        }
        guard TwilioSignature(authToken: authToken).isValid(signature, url: request.url, parameters: parameters)
        else {
            throw CallbackError(.unauthorized, "X-Twilio-Signature does not match the request")
        }
    }

    public func events(in request: HookRequest) throws(CallbackError) -> [GatewayEvent] {
        let form = Self.parameters(of: request)
        func value(_ name: String) -> String? {
            form.first { $0.name == name }.flatMap { $0.value.isEmpty ? nil : $0.value }
        }
        switch request.event {
        case .inbound:
            guard let sid = value("MessageSid") ?? value("SmsSid"), let from = value("From") else {
                throw CallbackError(.malformed, "Twilio inbound message without MessageSid or From")
            }
            let sender = (try? PhoneNumber(parsing: from))?.e164 ?? from
            let text = form.first { $0.name == "Body" }?.value ?? ""
            return [
                GatewayEvent(
                    subject: nil, change: .reply(from: sender, text: text.precomposed), dedupeKey: "twilio:in:\(sid)")
            ]
        case .status:
            guard let sid = value("MessageSid") ?? value("SmsSid") else {
                throw CallbackError(.malformed, "Twilio status callback without MessageSid")
            }
            guard let status = value("MessageStatus") ?? value("SmsStatus") else {
                throw CallbackError(.malformed, "Twilio status callback \(sid) without MessageStatus")
            }
            guard let state = Self.state(of: status) else { return [] }
            var detail = "Twilio status \(status)"
            if let code = value("ErrorCode") { detail += ", ErrorCode \(code)" }
            if let message = value("ErrorMessage") { detail += " (\(message))" }
            return [
                GatewayEvent(
                    subject: .gatewayRef(sid), change: .state(state), dedupeKey: "twilio:\(sid):\(status)",
                    detail: detail)
            ]
        }
    }

    /// The signed parameters: the query of a GET (signed as part of the URL), the form of a POST.
    static func parameters(of request: HookRequest) -> [(name: String, value: String)] {
        request.method == "GET" ? request.query : request.form
    }

    /// §9's statuses as Loa's ladder; nil for the ones that say nothing about an outbound message.
    static func state(of status: String) -> MessageState? {
        switch status.lowercased() {
        case "queued", "accepted", "scheduled", "sending", "sent": .accepted
        case "delivered", "partially_delivered": .delivered
        // Read receipts exist on RCS/WhatsApp only (§10), never for plain SMS.
        case "read": .opened
        case "undelivered", "failed", "canceled": .failed
        default: nil
        }
    }
}
