import Foundation
import LoaHTTP

/// SpeedSMS error codes and what the scheduler should do about each (gateways.md §5).
///
/// This table is the only place SpeedSMS's vocabulary is translated into `SendError.Kind`. The
/// codes come from one client only ([L] in gateways.md); an unknown code is permanent.
enum SpeedSMSCodes {
    /// Accepted by SpeedSMS (delivery arrives by push report, §5).
    static let accepted = "00"

    struct Entry: Sendable {
        var kind: SendError.Kind
        var meaning: String
    }

    static let table: [String: Entry] = [
        "007": Entry(kind: .permanent, meaning: "server IP blocked by SpeedSMS"),
        "008": Entry(kind: .permanent, meaning: "ALERT: SpeedSMS account locked"),
        "009": Entry(kind: .permanent, meaning: "API access not enabled for this SpeedSMS account"),
        "101": Entry(kind: .permanent, meaning: "request parameters refused"),
        "105": Entry(kind: .invalidRecipient, meaning: "phone number invalid"),
        "113": Entry(kind: .permanent, meaning: "content too long"),
        "300": Entry(kind: .permanent, meaning: "ALERT: SpeedSMS balance insufficient; top up the account"),
        "500": Entry(kind: .retryable, meaning: "SpeedSMS server error"),
    ]

    /// The error for any code other than `00`.
    static func error(code: String, gatewayMessage: String?) -> SendError {
        let said = gatewayMessage.flatMap { $0.isEmpty ? nil : " (SpeedSMS: \($0))" } ?? ""
        guard let entry = table[code] else {
            return SendError(.permanent, "SpeedSMS error \(code.isEmpty ? "without a code" : code)" + said,
                gatewayCode: code.isEmpty ? nil : code)
        }
        return SendError(entry.kind, entry.meaning + said, gatewayCode: code)
    }

    /// The error an HTTP status means, as `SendError.from(status:now:)`, but a 429 also honours
    /// SpeedSMS's `X-Rate-Limit-Reset` (gateways.md §13: 60 requests per 60 s). Its 429 body
    /// (`{"name":"Too Many Requests","message":"Rate limit exceeded.","code":0,"status":429}`) is
    /// Yii 2's rate limiter, whose `X-Rate-Limit-Reset` is the seconds to wait; a value that can
    /// only be a UNIX time is read as one.
    static func httpError(_ response: HTTPResponse, now: Date) -> SendError? {
        guard response.status == 429 else { return SendError.from(status: response, now: now) }
        var error = SendError.from(status: response, now: now) ?? SendError(.throttled, "HTTP 429", gatewayCode: "429")
        if error.retryAfter == nil, let text = response.headers["X-Rate-Limit-Reset"]?.trimmingCharacters(in: .whitespaces),
            let value = Double(text), value.isFinite, value >= 0
        {
            let seconds = value > 1_000_000_000 ? max(0, value - now.timeIntervalSince1970) : value
            error.retryAfter = .milliseconds(Int64(seconds * 1000))
        }
        error.message = "SpeedSMS rate limit (60 requests a minute) exceeded"
            + (error.retryAfter.map { ", retry in \($0.components.seconds) s" } ?? "")
        return error
    }
}
