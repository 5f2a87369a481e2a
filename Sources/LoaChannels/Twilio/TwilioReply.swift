/// The JSON Twilio answers a message create with (gateways.md §9): the Message resource
/// (`sid`, `status`, `num_segments`, `error_code`, `error_message`), or on errors the REST error
/// body (`code`, `message`, `more_info`, `status`).
struct TwilioReply: Decodable, Sendable {
    /// `SM…`/`MM…`, the `MessageSid` of status callbacks.
    var sid: String?
    /// `queued`, `accepted`, … for a created message.
    var status: String?
    /// Segments billed; Twilio writes it as a string.
    var segments: Int?
    /// The error code of a failed message, or the `code` of an error body.
    var errorCode: String?
    var errorMessage: String?

    enum CodingKeys: String, CodingKey {
        case sid, status
        case segments = "num_segments"
        case errorCode = "error_code"
        case errorMessage = "error_message"
        case code, message
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        sid = try? container.decode(String.self, forKey: .sid)
        // A Message's `status` is a word; an error body's `status` repeats the HTTP status as a number.
        status = try? container.decode(String.self, forKey: .status)
        segments = Self.text(container, .segments).flatMap { Int($0) }
        errorCode = Self.text(container, .errorCode) ?? Self.text(container, .code)
        errorMessage = (try? container.decode(String.self, forKey: .errorMessage))
            ?? (try? container.decode(String.self, forKey: .message))
        guard sid != nil || errorCode != nil else {
            throw DecodingError.keyNotFound(
                CodingKeys.sid, .init(codingPath: decoder.codingPath, debugDescription: "neither sid nor code"))
        }
    }

    private static func text(_ container: KeyedDecodingContainer<CodingKeys>, _ key: CodingKeys) -> String? {
        if let text = try? container.decode(String.self, forKey: key) { return text }
        return (try? container.decode(Int64.self, forKey: key)).map(String.init)
    }
}
