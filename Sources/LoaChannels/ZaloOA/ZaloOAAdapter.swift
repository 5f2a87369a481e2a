import Foundation
import LoaConfig
import LoaCore
import LoaHTTP

/// The `zalo-oa` channel: messages to OA followers by user id (gateways.md §3.1, §1.6, §13).
///
/// - With `template_id` (an approved ZBS template, filled through `template_params` like ZNS), a
///   proactive message goes as the template by user id: `POST {base_url}/v3.0/oa/message/template`,
///   `{"recipient":{"user_id":…},"template_id":…,"template_data":{…}}`. A consultation text
///   (`POST /v3.0/oa/message/cs`) goes only to a follower known to have written within 7 days.
/// - Without it, every message is a consultation text; Zalo answers `-230` outside the 7 days and
///   the next channel takes over.
///
/// Both carry the OA access token in a header literally named `access_token`; Zalo answers HTTP 200
/// with `error` 0 and `data.message_id`, or a negative code (`ZaloOACodes`).
public struct ZaloOAAdapter: ChannelAdapter {
    public let config: ChannelConfig
    /// The OA's OAuth token (gateways.md §2): shared with a `zalo-zns` channel of the same OA.
    public let tokens: ZaloTokenKeeper
    /// Followers' last messages, fed by the webhook, deciding where consultation is allowed.
    public let interactions: ZaloOAInteractions
    let signature: ZaloEventSignature
    let base: String
    let templateID: String?
    let template: ZaloZNSTemplate?
    private let now: @Sendable () -> Date

    /// Makes the adapter for `config`; `now` is the clock deferrals are computed from. Without
    /// `tokens` the adapter keeps its own keeper, seeded from the configuration.
    public init(
        config: ChannelConfig, tokens: ZaloTokenKeeper? = nil, interactions: ZaloOAInteractions = ZaloOAInteractions(),
        now: @escaping @Sendable () -> Date = { Date() }
    ) throws(ConfigError) {
        guard let base = config.effectiveBaseURL else {
            throw ConfigError("channel \(config.name): kind zalo-oa needs base_url")
        }
        self.config = config
        self.base = base.hasSuffix("/") ? String(base.dropLast()) : base
        self.now = now
        self.tokens = tokens ?? ZaloTokenKeeper(config: config)
        self.interactions = interactions
        self.signature = ZaloEventSignature(config: config)
        templateID = config.settings["template_id"].flatMap { $0.isEmpty ? nil : $0 }
        template = templateID == nil ? nil : try ZaloZNSTemplate(table: config.tables["template_params"], channel: config.name)
    }

    /// Whether `message` goes as a consultation text rather than the template.
    func consults(_ userID: String) -> Bool {
        templateID == nil || interactions.allowsConsultation(to: userID, at: now())
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
        let path: String
        if let templateID, let template, !consults(userID) {
            // §1.6 [L]: sources disagree between `user_id` and `recipient.user_id`; Loa sends the latter,
            // the shape of every other OA message.
            path = "/v3.0/oa/message/template"
            json.add("template_id", templateID)
            try template.write(message, into: &json)
        } else {
            path = "/v3.0/oa/message/cs"
            json.add("message", object: { $0.add("text", ZaloOAText.compose(message)) })
        }
        // §3.1: the header is named `access_token` and carries the bare token, no `Bearer`.
        let headers: HTTPHeaders = [
            "Content-Type": "application/json; charset=utf-8",
            "access_token": token,
        ]
        return HTTPRequest(method: .post, url: base + path, headers: headers, body: json.finishedBytes, timeout: .seconds(15))
    }

    public func readReply(_ response: HTTPResponse, for message: OutboundMessage) throws(SendError) -> SendResult {
        if let error = SendError.from(status: response, now: now()) { throw error }
        let reply = try response.decodedReply(ZaloOAReply.self, gateway: "Zalo OA")
        guard reply.error == 0 else {
            if reply.error == -230, templateID != nil, let userID = message.recipient.zaloID {
                // §3.1: only a consultation text meets -230; the template reaches the follower.
                interactions.noteRefused(userID)
                throw SendError(
                    .retryable, "no interaction with the OA in 7 days; the template goes instead", gatewayCode: "-230",
                    retryAfter: .seconds(1))
            }
            throw ZaloOACodes.error(code: reply.error, zaloMessage: reply.message, now: now(), zone: message.timeZone)
        }
        guard let messageID = reply.messageID else {
            // §11.1: UID messages have no tracking id; without message_id no receipt can be matched.
            return SendResult(state: .accepted, detail: "Zalo OA accepted the message without a message_id")
        }
        return SendResult(state: .accepted, gatewayRef: messageID)
    }
}
