/// The ZNS error codes the simulator answers with, and their English texts (gateways.md §1.5).
enum ZNSCode: Int, Error, Sendable {
    case success = 0
    case unknown = -100
    case invalidPhone = -108
    case invalidTemplate = -109
    case emptyTemplateData = -111
    case noZaloAccount = -118
    case invalidAccessToken = -124
    case dailyQuotaReached = -144
    case valueTooLong = -1121
    case missingParameter = -1122
    case badValueFormat = -1124
    /// Not a ZNS code: Zalo's OA API uses it for an invalid parameter (gateways.md §3.1); the
    /// simulator answers it, with HTTP 400, to a body that is not a JSON object at all.
    case invalidParameter = -201

    var message: String {
        switch self {
        case .success: "Success"
        case .unknown: "Unknown error"
        case .invalidPhone: "Phone number is invalid"
        case .invalidTemplate: "Template id is invalid"
        case .emptyTemplateData: "Template data is empty"
        case .noZaloAccount: "Zalo account not existed"
        case .invalidAccessToken: "Access token is invalid"
        case .dailyQuotaReached: "OA has exceeded the daily quota for sending ZNS"
        case .valueTooLong: "Template data value exceeds the maximum length"
        case .missingParameter: "Missing template parameter"
        case .badValueFormat: "Template data value has an invalid format"
        case .invalidParameter: "Invalid parameter"
        }
    }

    /// The error body alone, for the account calls that are not sends.
    var body: [UInt8] {
        var json = JSONWriter()
        json.add("error", rawValue)
        json.add("message", message)
        return json.finished
    }

    /// The gateway's error reply (HTTP 200 unless told otherwise: ZNS reports errors in the body,
    /// gateways.md §1.2).
    func reply(status: Int = 200, detail: String? = nil) -> GatewayReply {
        var json = JSONWriter()
        json.add("error", rawValue)
        json.add("message", detail.map { "\(message): \($0)" } ?? message)
        return GatewayReply(status: status, json: json, outcome: .rejected(code: rawValue))
    }
}
