import Foundation
import LoaHTTP

/// Twilio error codes and what the scheduler should do about each.
///
/// This table is the only place Twilio's vocabulary is translated into `SendError.Kind`. 20429 is
/// in gateways.md §9; the others are from Twilio's public error dictionary ([M]: not re-read for
/// gateways.md). An unknown code is permanent.
enum TwilioCodes {
    struct Entry: Sendable {
        var kind: SendError.Kind
        var meaning: String
    }

    static let table: [String: Entry] = [
        "20429": Entry(kind: .throttled, meaning: "too many concurrent requests; not processed, safe to retry"),
        "20003": Entry(kind: .permanent, meaning: "authentication failed; check account_sid and auth_token"),
        "20404": Entry(kind: .permanent, meaning: "account or resource not found; check account_sid"),
        "21211": Entry(kind: .invalidRecipient, meaning: "'To' number is not valid"),
        "21217": Entry(kind: .invalidRecipient, meaning: "phone number does not appear to be valid"),
        "21401": Entry(kind: .invalidRecipient, meaning: "phone number is not valid"),
        "21614": Entry(kind: .invalidRecipient, meaning: "'To' number is not a mobile number"),
        "21610": Entry(kind: .fallback, meaning: "the resident replied STOP to this sender; use the next channel"),
        "21612": Entry(kind: .fallback, meaning: "this sender cannot reach that number; use the next channel"),
        "21408": Entry(kind: .permanent, meaning: "sending to this region is not enabled for the account"),
        "21606": Entry(kind: .permanent, meaning: "'From' is not a valid sender for this account"),
        "21602": Entry(kind: .permanent, meaning: "message body is required"),
        "21617": Entry(kind: .permanent, meaning: "message body exceeds 1600 characters"),
        "30001": Entry(kind: .retryable, meaning: "message queue overflow; try again later"),
        "30003": Entry(kind: .fallback, meaning: "destination handset unreachable; use the next channel"),
        "30006": Entry(kind: .invalidRecipient, meaning: "landline or unreachable carrier"),
    ]

    /// The error for `code` (empty when Twilio gave none); `twilioMessage` is Twilio's own text.
    static func error(code: String, twilioMessage: String?, now: Date, response: HTTPResponse) -> SendError {
        let said = twilioMessage.flatMap { $0.isEmpty ? nil : " (Twilio: \($0))" } ?? ""
        guard let entry = table[code] else {
            let name = code.isEmpty ? "without a code" : code
            return SendError(.permanent, "Twilio error \(name)" + said, gatewayCode: code.isEmpty ? nil : code)
        }
        let retryAfter = entry.kind == .throttled ? RetryAfter.parse(response.headers["Retry-After"], now: now) : nil
        return SendError(entry.kind, entry.meaning + said, gatewayCode: code, retryAfter: retryAfter)
    }
}
