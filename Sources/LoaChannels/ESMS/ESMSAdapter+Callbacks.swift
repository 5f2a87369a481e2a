import Foundation
import LoaCore

/// eSMS delivery reports (gateways.md §4.3): an unsigned HTTPS GET to the send's `CallbackUrl`
/// with the outcome in the query string.
///
/// No signature exists (§4.3, §11.3): the channel's hook secret in the path and the per-message
/// token Loa put in the send's `CallbackUrl` (checked against `RequestId`) are the proof of origin;
/// the server checks both, so `verify(_:)` keeps the protocol's default.
extension ESMSAdapter {
    public func events(in request: HookRequest) throws(CallbackError) -> [GatewayEvent] {
        guard request.event == .status else {
            throw CallbackError(.unsupported, "channel \(config.name) (esms) takes no inbound callbacks")
        }
        let report = try ESMSCallbackReport(request)
        guard let state = report.state else { return [] }
        return [
            GatewayEvent(
                subject: report.subject, change: .state(state), dedupeKey: report.dedupeKey, detail: report.detail)
        ]
    }
}

/// One eSMS DLR, read from the query (or, tolerantly, a form body: §11.3 asks to accept POST too).
struct ESMSCallbackReport: Sendable {
    var smsID: String?
    var requestID: String?
    /// `SendStatus`: 1 waiting approval, 2 waiting to send, 4 rejected, 5 finished, 7 sent awaiting report.
    var sendStatus: Int
    var sendSuccess: Int
    var sendFailed: Int
    var typeID: String?
    var telcoID: String?
    /// Zalo's raw result for ZNS sends through eSMS, URL-decoded JSON (§4.3).
    var errorInfo: String?

    init(_ request: HookRequest) throws(CallbackError) {
        let pairs = request.query.isEmpty ? request.form : request.query
        func value(_ name: String) -> String? {
            pairs.first { $0.name == name }.map { $0.value.trimmingCharacters(in: .whitespaces) }
                .flatMap { $0.isEmpty ? nil : $0 }
        }
        func count(_ name: String) throws(CallbackError) -> Int {
            guard let text = value(name) else { return 0 }
            guard let number = Int(text), number >= 0 else {
                throw CallbackError(.malformed, "eSMS report: \(name) '\(text)' is not a count")
            }
            return number
        }
        smsID = value("SMSID")
        // §13: eSMS's samples leave `RequestId=` empty; the key Loa put in the CallbackUrl stands in.
        requestID = value("RequestId") ?? value("key")
        guard smsID != nil || requestID != nil else {
            throw CallbackError(.malformed, "eSMS report names neither RequestId nor SMSID")
        }
        guard let statusText = value("SendStatus") else {
            throw CallbackError(.malformed, "eSMS report has no SendStatus")
        }
        guard let status = Int(statusText) else {
            throw CallbackError(.malformed, "eSMS report: SendStatus '\(statusText)' is not a number")
        }
        sendStatus = status
        sendSuccess = try count("SendSuccess")
        sendFailed = try count("SendFailed")
        typeID = value("TypeId")
        telcoID = value("telcoid")
        errorInfo = value("error_info")
    }

    /// Loa's `RequestId` when eSMS echoes it, else eSMS's own `SMSID` from the send reply.
    var subject: GatewayEvent.Subject {
        if let requestID { return .key(requestID) }
        return .gatewayRef(smsID ?? "")
    }

    /// The state the report means; nil for statuses §4.3 does not list, and for a finished report
    /// that counts neither a success nor a failure.
    var state: MessageState? {
        switch sendStatus {
        // gateways.md §13: eSMS's own sample report is `SendStatus=5&SendSuccess=0&SendFailed=0`
        // (and an empty `RequestId=`): finished, but it says nothing about the number. No news,
        // answered 200 so eSMS does not retry it, and the message keeps its state.
        case 5 where sendSuccess == 0 && sendFailed == 0: nil
        // Loa sends one number per request: any success on it means that number got it.
        case 5: sendSuccess > 0 ? .delivered : .failed
        case 4: .failed
        case 1, 2, 7: .accepted
        default: nil
        }
    }

    /// Stable per message and outcome, so eSMS's five retries (§4.3) and our own repeats collapse.
    var dedupeKey: String {
        let outcome = sendStatus == 5 ? (sendSuccess > 0 ? "5d" : "5f") : String(sendStatus)
        return "esms:" + (smsID ?? "req-" + (requestID ?? "")) + ":" + outcome
    }

    var detail: String {
        var text = "eSMS SendStatus \(sendStatus)"
        switch sendStatus {
        case 5: text += " (finished: SendSuccess \(sendSuccess), SendFailed \(sendFailed))"
        case 4: text += " (rejected by eSMS)"
        case 1: text += " (waiting for approval)"
        case 2: text += " (waiting to send)"
        case 7: text += " (sent, awaiting the carrier's report)"
        default: text += " (unknown status)"
        }
        if let telcoID { text += ", telcoid \(telcoID)" }
        if let typeID { text += ", TypeId \(typeID)" }
        if let errorInfo { text += ", error_info \(errorInfo)" }
        return text
    }
}
