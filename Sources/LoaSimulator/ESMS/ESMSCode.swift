/// The eSMS result codes the simulator answers with (gateways.md §4.1, §4.4).
enum ESMSCode: Int, Sendable {
    case blockedNumber = 99
    case accepted = 100
    case authorizeFailed = 101
    case brandnameNotFound = 104
    case invalidPhone = 108
    case duplicateRequestID = 124
    case templateMismatch = 146

    var message: String {
        switch self {
        case .blockedNumber: "Phone number is blocked or not a mobile number"
        case .accepted: "Success"
        case .authorizeFailed: "Authorize Failed"
        case .brandnameNotFound: "Brandname not found or not active"
        case .invalidPhone: "Invalid phone number format"
        // gateways.md §13: eSMS's own 124 sample says "Request exist 1".
        case .duplicateRequestID: "Request exist 1"
        case .templateMismatch: "Content does not match a registered customer-care template"
        }
    }

    /// The error reply: HTTP 200 with `CodeResult` and `ErrorMessage`; a duplicate `RequestId` also
    /// carries `SendStatus` "5" (gateways.md §4.1).
    func reply(status: Int = 200, detail: String? = nil) -> GatewayReply {
        var json = JSONWriter()
        json.add("CodeResult", String(rawValue))
        json.add("CountRegenerate", 0)
        json.add("ErrorMessage", detail.map { "\(message): \($0)" } ?? message)
        if self == .duplicateRequestID { json.add("SendStatus", "5") }
        return GatewayReply(status: status, json: json, outcome: .rejected(code: rawValue))
    }
}
