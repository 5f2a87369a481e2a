/// The OA API and OAuth error codes the simulator answers with (gateways.md §2, §3.1).
enum OACode: Int, Error, Sendable {
    case success = 0
    case invalidParameter = -201
    case notFollower = -213
    case invalidAccessToken = -216
    case noRecentInteraction = -230
    case invalidRefreshToken = -14014

    var message: String {
        switch self {
        case .success: "Success"
        case .invalidParameter: "Invalid parameter"
        case .notFollower: "User has not followed the OA"
        case .invalidAccessToken: "Access token is invalid"
        case .noRecentInteraction: "User has not interacted with the OA in the last 7 days"
        case .invalidRefreshToken: "Invalid refresh token"
        }
    }

    /// The error envelope, HTTP 200 unless told otherwise (the OA API reports errors in the body).
    func reply(status: Int = 200, detail: String? = nil) -> GatewayReply {
        var json = JSONWriter()
        json.add("error", rawValue)
        json.add("message", detail.map { "\(message): \($0)" } ?? message)
        return GatewayReply(status: status, json: json, outcome: .rejected(code: rawValue))
    }
}
