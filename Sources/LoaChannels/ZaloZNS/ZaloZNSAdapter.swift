import Foundation
import LoaConfig
import LoaCore
import LoaHTTP

/// The `zalo-zns` channel: one approved ZNS ("ZBS Template Message") per message, by phone number.
///
/// `POST {base_url}/message/template` with the OA access token in a header literally named
/// `access_token` and a JSON body `{phone, template_id, template_data, tracking_id}` (gateways.md §1.1).
/// Zalo answers HTTP 200 with `error` 0 or a negative code (§1.2); `ZaloZNSCodes` reads the codes.
public struct ZaloZNSAdapter: ChannelAdapter {
    public let config: ChannelConfig
    /// How the approved template is filled from a message.
    public let template: ZaloZNSTemplate
    private let url: String
    let base: String
    let templateID: String
    /// Zalo's limits for the template, once read (`fetchTemplateInfo(over:)`); sends check them.
    public let templateInfo = ZaloZNSTemplateCache()
    private let now: @Sendable () -> Date
    /// The OA's OAuth token (gateways.md §2): shared with a `zalo-oa` channel of the same OA.
    public let tokens: ZaloTokenKeeper
    let signature: ZaloEventSignature

    /// Makes the adapter for `config`; `now` is the clock deferrals are computed from. Without
    /// `tokens` the adapter keeps its own keeper, seeded from the configuration.
    public init(
        config: ChannelConfig, tokens: ZaloTokenKeeper? = nil, now: @escaping @Sendable () -> Date = { Date() }
    ) throws(ConfigError) {
        guard let templateID = config.settings["template_id"], !templateID.isEmpty else {
            throw ConfigError("channel \(config.name): kind zalo-zns needs template_id")
        }
        guard let base = config.effectiveBaseURL else {
            throw ConfigError("channel \(config.name): kind zalo-zns needs base_url")
        }
        self.config = config
        self.template = try ZaloZNSTemplate(table: config.tables["template_params"], channel: config.name)
        self.templateID = templateID
        self.base = base.hasSuffix("/") ? String(base.dropLast()) : base
        self.url = self.base + "/message/template"
        self.now = now
        self.tokens = tokens ?? ZaloTokenKeeper(config: config)
        self.signature = ZaloEventSignature(config: config)
    }

    public func makeRequest(for message: OutboundMessage) throws(SendError) -> HTTPRequest {
        guard let phone = message.recipient.phone else {
            // ZNS reaches people only through the phone number linked to their Zalo account.
            throw SendError(.fallback, "no phone number: ZNS cannot reach this resident")
        }
        guard let token = tokens.accessToken else {
            // Only a refresh token is configured: the token keeper has to mint an access token first.
            throw SendError(.unauthorized, "no access token yet; refresh the OA token")
        }
        var json = JSONText()
        // §1.1: Zalo documents `84…` as the canonical form; E.164 without the plus is exactly that.
        json.add("phone", String(phone.e164.dropFirst()))
        json.add("template_id", templateID)
        try template.write(message, into: &json, info: templateInfo.current)
        // §1.1, §11.1: tracking_id (≤ 48 ASCII characters) is echoed in the delivery webhook.
        json.add("tracking_id", message.idempotencyKey)
        // §1.1: the header is named `access_token` and carries the bare token, no `Bearer`.
        let headers: HTTPHeaders = [
            "Content-Type": "application/json; charset=utf-8",
            "access_token": token,
        ]
        return HTTPRequest(method: .post, url: url, headers: headers, body: json.finishedBytes, timeout: .seconds(15))
    }

    public func readReply(_ response: HTTPResponse, for message: OutboundMessage) throws(SendError) -> SendResult {
        if let error = SendError.from(status: response, now: now()) { throw error }
        let reply = try response.decodedReply(ZaloZNSReply.self, gateway: "ZNS")
        guard reply.error == 0 else {
            throw ZaloZNSCodes.error(
                code: reply.error, zaloMessage: reply.message, now: now(), zone: message.timeZone)
        }
        // §1.6: the daily quota moves with sending quality; keep what is left with the attempt, and
        // hand it to the scheduler, which stops the channel before it runs out.
        let quota = reply.data?.quota
        return SendResult(
            state: .accepted, gatewayRef: reply.data?.msgID, detail: quota?.summary, quota: quota?.reading)
    }
}
