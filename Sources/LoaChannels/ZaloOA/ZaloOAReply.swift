import Foundation

/// The body of every OA send reply (gateways.md §3.1):
/// `{"data":{"message_id":"…","user_id":"…"},"error":0,"message":"Success"}`.
///
/// Ids stay strings: Zalo ids exceed 2^53 (§11.8).
struct ZaloOAReply: Decodable, Sendable {
    /// 0 = accepted; a negative code otherwise.
    var error: Int
    var message: String?
    var messageID: String?
    var userID: String?

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: ZaloKey.self)
        guard let code = container.text("error").flatMap({ Int($0) }) else {
            throw DecodingError.dataCorrupted(
                DecodingError.Context(codingPath: [ZaloKey("error")], debugDescription: "no numeric error"))
        }
        error = code
        message = container.text("message")
        let data = try? container.nestedContainer(keyedBy: ZaloKey.self, forKey: ZaloKey("data"))
        messageID = data?.text("message_id")
        userID = data?.text("user_id")
    }
}
