import Foundation
import LoaCore

/// SpeedSMS delivery reports (gateways.md §5): a JSON POST pushed to the configured URL with
/// `type`, `tranId`, `phone` and `status` (`0` = delivered).
///
/// SpeedSMS signs nothing (§5, §11.3): the hook secret in the path, already checked by the server,
/// is the only proof of origin, so `verify(_:)` keeps the protocol's default.
extension SpeedSMSAdapter {
    public func events(in request: HookRequest) throws(CallbackError) -> [GatewayEvent] {
        guard request.event == .status else {
            // §12: SpeedSMS's inbound format is not settled; replies need another channel for now.
            throw CallbackError(.unsupported, "channel \(config.name) (speedsms) takes no inbound callbacks")
        }
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
            events.append(try Self.event(fields))
        }
        return events
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
