/// Twilio's REST error body `{"code", "message", "more_info", "status"}` for the refusals the
/// simulator makes (gateways.md §9 names the HTTP side; the codes are Twilio's public ones).
enum TwilioError: Int, Sendable {
    case authenticate = 20003
    case invalidTo = 21211
    case notMobile = 21614
    case bodyRequired = 21602
    case senderRequired = 21603
    case senderNotOwned = 21606
    case bodyTooLong = 21617

    var httpStatus: Int { self == .authenticate ? 401 : 400 }

    var message: String {
        switch self {
        case .authenticate: "Authenticate"
        case .invalidTo: "The 'To' number is not a valid phone number."
        case .notMobile: "'To' number is not a valid mobile number"
        case .bodyRequired: "Message body is required."
        case .senderRequired: "A 'From' or 'MessagingServiceSid' parameter is required to send a message"
        case .senderNotOwned: "The 'From' phone number provided is not a valid message-capable Twilio phone number."
        case .bodyTooLong: "The concatenated message body exceeds the 1600 character limit."
        }
    }

    func reply() -> GatewayReply {
        var json = JSONWriter()
        json.add("code", rawValue)
        json.add("message", message)
        json.add("more_info", "https://www.twilio.com/docs/errors/\(rawValue)")
        json.add("status", httpStatus)
        return GatewayReply(status: httpStatus, json: json, outcome: .rejected(code: rawValue))
    }
}
