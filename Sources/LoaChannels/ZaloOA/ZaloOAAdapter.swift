import Foundation
import LoaConfig
import LoaCore
import LoaHTTP

/// The `zalo-oa` channel: a consultation ("tư vấn") text message to an OA follower by user id.
///
/// `POST {base_url}/v3.0/oa/message/cs` with the OA access token in a header literally named
/// `access_token` and `{"recipient":{"user_id":…},"message":{"text":…}}` (gateways.md §3.1). Zalo
/// answers HTTP 200 with `error` 0 and `data.message_id`, or a negative code (`ZaloOACodes`).
public struct ZaloOAAdapter: ChannelAdapter {
    public let config: ChannelConfig
    /// The OA's OAuth token (gateways.md §2): shared with a `zalo-zns` channel of the same OA.
    public let tokens: ZaloTokenKeeper
    let signature: ZaloEventSignature
    private let url: String
    private let now: @Sendable () -> Date

    /// Makes the adapter for `config`; `now` is the clock deferrals are computed from. Without
    /// `tokens` the adapter keeps its own keeper, seeded from the configuration.
    public init(
        config: ChannelConfig, tokens: ZaloTokenKeeper? = nil, now: @escaping @Sendable () -> Date = { Date() }
    ) throws(ConfigError) {
        guard let base = config.effectiveBaseURL else {
            throw ConfigError("channel \(config.name): kind zalo-oa needs base_url")
        }
        self.config = config
        self.url = (base.hasSuffix("/") ? String(base.dropLast()) : base) + "/v3.0/oa/message/cs"
        self.now = now
        self.tokens = tokens ?? ZaloTokenKeeper(config: config)
        self.signature = ZaloEventSignature(config: config)
    }

    public func makeRequest(for message: OutboundMessage) throws(SendError) -> HTTPRequest {
        guard let userID = message.recipient.zaloID, !userID.isEmpty else {
            // §3.1: OA messages go to an OA-scoped follower id; there is no lookup by phone.
            throw SendError(.fallback, "no Zalo user id: the OA cannot reach this resident")
        }
        guard let token = tokens.accessToken else {
            // Only a refresh token is configured: the token keeper has to mint an access token first.
            throw SendError(.unauthorized, "no access token yet; refresh the OA token")
        }
        var json = JSONText()
        json.add("recipient", object: { $0.add("user_id", userID) })
        json.add("message", object: { $0.add("text", ZaloOAText.compose(message)) })
        // §3.1: the header is named `access_token` and carries the bare token, no `Bearer`.
        let headers: HTTPHeaders = [
            "Content-Type": "application/json; charset=utf-8",
            "access_token": token,
        ]
        return HTTPRequest(method: .post, url: url, headers: headers, body: json.finishedBytes, timeout: .seconds(15))
    }

    public func readReply(_ response: HTTPResponse, for message: OutboundMessage) throws(SendError) -> SendResult {
        if let error = SendError.from(status: response, now: now()) { throw error }
        let reply = try response.decodedReply(ZaloOAReply.self, gateway: "Zalo OA")
        guard reply.error == 0 else {
            throw ZaloOACodes.error(code: reply.error, zaloMessage: reply.message, now: now(), zone: message.timeZone)
        }
        guard let messageID = reply.messageID else {
            // §11.1: UID messages have no tracking id; without message_id no receipt can be matched.
            return SendResult(state: .accepted, detail: "Zalo OA accepted the message without a message_id")
        }
        return SendResult(state: .accepted, gatewayRef: messageID)
    }
}
