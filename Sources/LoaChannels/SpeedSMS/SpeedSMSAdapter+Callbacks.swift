import Foundation
import LoaCore

/// SpeedSMS pushes (gateways.md §5, §13): JSON POSTs to the URLs set in its dashboard.
///
/// - delivery reports: `type`, `tranId`, `phone` and `status` (`0` = delivered);
/// - residents' SMS: `type`, `phone` and `content`, read as a reply from `phone`.
///
/// Either may arrive at either hook (the office registers URLs by hand): a report is told from an
/// SMS by its `tranId`. SpeedSMS signs nothing (§5, §11.3): the hook secret in the path, already
/// checked by the server, is the only proof of origin, so `verify(_:)` keeps the protocol's default.
extension SpeedSMSAdapter {
    public func events(in request: HookRequest) throws(CallbackError) -> [GatewayEvent] {
        guard let object = try? JSONSerialization.jsonObject(with: Data(request.body)) else {
            throw CallbackError(.malformed, "SpeedSMS report is not JSON")
        }
        // One report per object; an array of them is read the same way, in order.
        let reports: [Any] = (object as? [Any]) ?? [object]
        var events: [GatewayEvent] = []
        for report in reports {
            guard let fields = report as? [String: Any] else {
                throw CallbackError(.malformed, "SpeedSMS report is not a JSON object")
            }
            if fields["tranId"] == nil, fields["content"] != nil {
                events.append(try Self.reply(fields, receivedAt: request.receivedAt))
            } else if request.event == .inbound, fields["tranId"] == nil {
                throw CallbackError(.malformed, "SpeedSMS incoming SMS has no content")
            } else {
                events.append(try Self.event(fields))
            }
        }
        return events
    }

    /// A resident's SMS, `{"type": …, "phone": "84…", "content": "…"}` (§13).
    private static func reply(_ fields: [String: Any], receivedAt: Date) throws(CallbackError) -> GatewayEvent {
        guard let phoneText = text(fields["phone"]), !phoneText.isEmpty else {
            throw CallbackError(.malformed, "SpeedSMS incoming SMS has no phone")
        }
        guard let content = fields["content"] as? String else {
            throw CallbackError(.malformed, "SpeedSMS incoming SMS from \(phoneText): content is not text")
        }
        let sender = (try? PhoneNumber(parsing: phoneText))?.e164 ?? phoneText
        // No id is documented: sender, text and the minute of arrival keep SpeedSMS's repeats of
        // one push together while the same answer sent again later still counts.
        let minute = Int64(receivedAt.timeIntervalSince1970 / 60)
        return GatewayEvent(
            subject: nil, change: .reply(from: sender, text: content.precomposed),
            dedupeKey: "speedsms:in:\(sender):\(minute):\(digest(content))",
            detail: text(fields["type"]).map { "SpeedSMS incoming SMS, type \($0)" })
    }

    /// A short stable fingerprint of `text` (FNV-1a), for dedupe keys only.
    private static func digest(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        return String(hash, radix: 16)
    }

    private static func event(_ fields: [String: Any]) throws(CallbackError) -> GatewayEvent {
        guard let tranID = text(fields["tranId"]), !tranID.isEmpty else {
            throw CallbackError(.malformed, "SpeedSMS report has no tranId")
        }
        guard let phoneText = text(fields["phone"]), !phoneText.isEmpty else {
            throw CallbackError(.malformed, "SpeedSMS report \(tranID) has no phone")
        }
        guard let statusText = text(fields["status"]), let status = Int(statusText) else {
            throw CallbackError(.malformed, "SpeedSMS report \(tranID) has no numeric status")
        }
        // One send may name several numbers (`to` is an array): the phone says which one.
        let phone = (try? PhoneNumber(parsing: phoneText))?.e164 ?? phoneText
        // §5: 0 is delivered. No other value is documented; the SDK that names the fields reads
        // everything else as "not received", and so does Loa, keeping the raw status as detail.
        let state: MessageState = status == 0 ? .delivered : .failed
        let type = text(fields["type"]).map { ", type \($0)" } ?? ""
        return GatewayEvent(
            subject: .gatewayRef(tranID, phone: phone), change: .state(state),
            dedupeKey: "speedsms:\(tranID):\(phone):\(status)",
            detail: "SpeedSMS status \(status)" + (status == 0 ? " (delivered)" : " (not delivered)") + type)
    }

    /// A string or a number as text (SpeedSMS's ids are numbers in some clients, strings in others).
    private static func text(_ value: Any?) -> String? {
        switch value {
        case let text as String: text.trimmingCharacters(in: .whitespaces)
        case let number as Int: String(number)
        case let number as Double where number == number.rounded() && abs(number) < 1e15: String(Int64(number))
        case let number as NSNumber: number.stringValue
        default: nil
        }
    }
}
