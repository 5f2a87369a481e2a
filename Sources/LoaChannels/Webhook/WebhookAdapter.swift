import Foundation
import LoaConfig
import LoaCore
import LoaHTTP

/// The generic `webhook` channel: one JSON POST per message to a configured URL.
///
/// Body: `{"id": idempotency key, "message_id", "notice", "short_code", "kind", "title", "body",
/// "link", "recipient": {"name", "phone", "zalo", "hamlet"}, "meeting_at", "place", "expires_at",
/// "ack_required"}`; the key is also sent as the `Idempotency-Key` header. Any 2xx accepts; a JSON
/// reply may name the receiver's id (`id` or `message_id`) and `"status": "delivered"`.
public struct WebhookAdapter: ChannelAdapter {
    public let config: ChannelConfig
    private let url: String
    private let headers: HTTPHeaders

    public init(config: ChannelConfig) throws(ConfigError) {
        guard let url = config.settings["url"] else {
            throw ConfigError("channel \(config.name): kind webhook needs url")
        }
        self.config = config
        self.url = url
        var headers: HTTPHeaders = ["Content-Type": "application/json; charset=utf-8"]
        for (name, value) in (config.tables["headers"] ?? [:]).sorted(by: { $0.key < $1.key }) {
            headers.replaceOrAdd(name: name, value: value)
        }
        self.headers = headers
    }

    public var secrets: [String] {
        // Header values usually carry credentials (Authorization, API keys).
        (config.tables["headers"] ?? [:]).values.filter { $0.count >= 4 }
    }

    public func makeRequest(for message: OutboundMessage) throws(SendError) -> HTTPRequest {
        var json = JSONText()
        json.add("id", message.idempotencyKey)
        json.add("message_id", message.messageID)
        json.add("notice", message.noticeID)
        json.add("short_code", message.shortCode)
        json.add("kind", message.kind.rawValue)
        json.add("title", message.title)
        json.add("body", message.body)
        json.add("link", message.link)
        json.add("recipient") { recipient in
            recipient.add("name", message.recipient.name)
            recipient.add("phone", message.recipient.phone?.e164)
            recipient.add("zalo", message.recipient.zaloID)
            recipient.add("hamlet", message.recipient.hamlet)
        }
        json.add("meeting_at", message.meetingAt.map { TimeText.iso($0, in: message.timeZone) })
        json.add("place", message.place)
        json.add("expires_at", message.expiresAt.map { TimeText.iso($0, in: message.timeZone) })
        json.add("ack_required", message.ackRequired)
        var headers = self.headers
        headers.replaceOrAdd(name: "Idempotency-Key", value: message.idempotencyKey)
        return HTTPRequest(method: .post, url: url, headers: headers, body: json.finishedBytes, timeout: .seconds(15))
    }

    public func readReply(_ response: HTTPResponse, for message: OutboundMessage) throws(SendError) -> SendResult {
        if let error = SendError.from(status: response) { throw error }
        // Most receivers answer `{"ok":true}` or nothing: parse only a reply that can name an id or status.
        guard Self.mayCarryFields(response.body),
            let object = try? JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any]
        else { return SendResult(state: .accepted) }
        let reference = (object["id"] as? String) ?? (object["message_id"] as? String)
            ?? (object["id"] as? Int).map(String.init)
        let delivered = (object["status"] as? String)?.lowercased() == "delivered"
        return SendResult(state: delivered ? .delivered : .accepted, gatewayRef: reference)
    }

    /// Whether `body` contains `"id"`, `"message_id"` or `"status"` (the last two contain `id"`/`status"`).
    static func mayCarryFields(_ body: [UInt8]) -> Bool {
        guard body.count > 4 else { return false }
        let id = Array("id\"".utf8), status = Array("status\"".utf8)
        return contains(body, id) || contains(body, status)
    }

    private static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard haystack.count >= needle.count else { return false }
        for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
            if haystack[start..<(start + needle.count)].elementsEqual(needle) { return true }
        }
        return false
    }
}
