import Foundation
import LoaHTTP

/// The status callback Twilio POSTs to a message's `StatusCallback` (gateways.md §9): form-encoded
/// `MessageSid`, `MessageStatus`, `ErrorCode`, … signed with `X-Twilio-Signature`.
struct TwilioStatusCallback: Sendable {
    let account: TwilioAccount
    let callbackURL: String
    let messageSID: String
    let to: String
    let from: String?
    let messagingServiceSID: String?

    /// The POST reporting `status`; `errorCode` accompanies failures.
    func request(status: String, errorCode: String? = nil) -> HTTPRequest {
        var fields: [(String, String)] = [("AccountSid", account.accountSID), ("ApiVersion", "2010-04-01")]
        if let errorCode { fields.append(("ErrorCode", errorCode)) }
        if let from { fields.append(("From", from)) }
        fields.append(("MessageSid", messageSID))
        fields.append(("MessageStatus", status))
        if let messagingServiceSID { fields.append(("MessagingServiceSid", messagingServiceSID)) }
        fields += [("SmsSid", messageSID), ("SmsStatus", status), ("To", to)]
        return HTTPRequest(
            method: .post, url: callbackURL,
            headers: [
                "Content-Type": "application/x-www-form-urlencoded",
                "X-Twilio-Signature": Self.signature(url: callbackURL, fields: fields, authToken: account.authToken),
                "User-Agent": "TwilioProxy/1.1",
            ],
            body: TwilioForm.encode(fields))
    }

    /// Builds the POST for `status` each time the scheduler sends it.
    func sender(status: String, errorCode: String? = nil) -> DeliveryPlan.Report {
        { request(status: status, errorCode: errorCode) }
    }

    /// base64(HMAC-SHA1(auth token, URL + each field sorted by name, name then value)) (gateways.md §9).
    static func signature(url: String, fields: [(String, String)], authToken: String) -> String {
        // By name, then value, in byte order (the order of Twilio's helpers for ASCII names).
        let sorted = fields.sorted { lhs, rhs in
            lhs.0 == rhs.0
                ? lhs.1.utf8.lexicographicallyPrecedes(rhs.1.utf8) : lhs.0.utf8.lexicographicallyPrecedes(rhs.0.utf8)
        }
        var data = Array(url.utf8)
        for (name, value) in sorted {
            data += Array(name.utf8)
            data += Array(value.utf8)
        }
        return Data(HMACSHA1.authenticationCode(key: Array(authToken.utf8), message: data)).base64EncodedString()
    }
}
