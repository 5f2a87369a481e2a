import Foundation
import LoaConfig
import LoaCore
import LoaHTTP

/// The `esms` channel: one customer-care brandname SMS per message through eSMS.vn (gateways.md §4.1).
///
/// `POST {base_url}/MainService.svc/json/SendMultipleMessage_V4_post_json/` with the credentials in
/// the JSON body. The text comes from `SMSComposer` under the channel's `fold_diacritics`; the
/// message's idempotency key is the `RequestId`, which eSMS deduplicates for the day (§11.1).
public struct ESMSAdapter: ChannelAdapter {
    public let config: ChannelConfig
    /// Where eSMS should report delivery (`CallbackUrl`), or nil to rely on polling.
    public let statusCallbackURL: String?
    /// The channel's hook secrets, which make each `CallbackUrl`'s per-message token; nil: no token.
    public let hookSecret: HookSecret?
    private let url: String
    private let apiKey: Secret
    private let secretKey: Secret
    private let brandname: String
    private let smsType: String
    private let now: @Sendable () -> Date

    /// Makes the adapter for `config`.
    ///
    /// - Parameters:
    ///   - statusCallbackURL: sent as `CallbackUrl` on every request; the server mounts it at
    ///     `/hooks/{channel}/{hook-secret}/status` (SPEC §5).
    ///   - hookSecret: the channel's hook secrets; each `CallbackUrl` then carries a token for its `RequestId`.
    ///   - now: the clock an HTTP-date `Retry-After` is measured against.
    public init(
        config: ChannelConfig, statusCallbackURL: String? = nil, hookSecret: HookSecret? = nil,
        now: @escaping @Sendable () -> Date = { Date() }
    ) throws(ConfigError) {
        guard let apiKey = config.secrets["api_key"], let secretKey = config.secrets["secret_key"] else {
            throw ConfigError("channel \(config.name): kind esms needs api_key and secret_key")
        }
        guard let brandname = config.settings["brandname"], !brandname.isEmpty else {
            throw ConfigError("channel \(config.name): kind esms needs brandname")
        }
        guard let base = config.effectiveBaseURL else {
            throw ConfigError("channel \(config.name): kind esms needs base_url")
        }
        self.config = config
        self.statusCallbackURL = statusCallbackURL
        self.hookSecret = hookSecret
        self.url = (base.hasSuffix("/") ? String(base.dropLast()) : base)
            + "/MainService.svc/json/SendMultipleMessage_V4_post_json/"
        self.apiKey = apiKey
        self.secretKey = secretKey
        self.brandname = brandname
        // §4.1: "2" is customer care, the class for commune notices (§7: not advertising).
        self.smsType = config.settings["sms_type"] ?? "2"
        self.now = now
    }

    /// Each send names its own `CallbackUrl`, so reports carry that message's token.
    public var statusCallbacksCarryToken: Bool { true }

    /// The text this channel sends for `message`, with its coding and segments.
    public func body(for message: OutboundMessage) throws(SendError) -> SMSBody {
        try SMSComposer.body(for: message, channel: config)
    }

    /// The `CallbackUrl` of the send with `RequestId` `key`: the status hook and, with the channel's
    /// secrets, the key and a per-message token, since eSMS signs nothing (§4.3) and its own
    /// callback samples carry an empty `RequestId=` (§13): the key in the URL still names the message.
    public func callbackURL(for key: String) -> String? {
        guard let statusCallbackURL else { return nil }
        guard let hookSecret else { return statusCallbackURL }
        return statusCallbackURL + (statusCallbackURL.contains("?") ? "&" : "?") + "key=" + FormEncoding.escape(key)
            + "&" + hookSecret.tokenQuery(for: key)
    }

    public func makeRequest(for message: OutboundMessage) throws(SendError) -> HTTPRequest {
        guard let phone = message.recipient.phone else {
            throw SendError(.fallback, "no phone number: SMS cannot reach this resident")
        }
        let sms = try body(for: message)
        var json = JSONText()
        json.add("ApiKey", apiKey.value)
        json.add("SecretKey", secretKey.value)
        // §4.1: every eSMS example writes the number in the domestic 0… form.
        json.add("Phone", phone.national)
        json.add("Content", sms.text)
        json.add("Brandname", brandname)
        json.add("SmsType", smsType)
        json.add("IsUnicode", sms.needsUnicode ? "1" : "0")
        json.add("RequestId", message.idempotencyKey)
        json.add("CallbackUrl", callbackURL(for: message.idempotencyKey))
        let headers: HTTPHeaders = ["Content-Type": "application/json; charset=utf-8"]
        return HTTPRequest(method: .post, url: url, headers: headers, body: json.finishedBytes, timeout: .seconds(15))
    }

    public func readReply(_ response: HTTPResponse, for message: OutboundMessage) throws(SendError) -> SendResult {
        if let error = SendError.from(status: response, now: now()) { throw error }
        // Retrying an unreadable reply is safe: a repeat of the same RequestId is answered 124, not
        // sent twice (§11.1).
        let reply = try response.decodedReply(ESMSReply.self, gateway: "eSMS")
        let segments = try body(for: message).info.segments
        switch reply.codeResult {
        case ESMSCodes.accepted:
            return SendResult(state: .accepted, gatewayRef: reply.smsID, segments: segments)
        case ESMSCodes.duplicateRequest:
            // §4.1, §11.1: only an earlier attempt with this RequestId can have used it today.
            return SendResult(
                state: .accepted, gatewayRef: reply.smsID, segments: segments,
                detail: "duplicate RequestId: already accepted")
        default:
            throw ESMSCodes.error(for: reply)
        }
    }
}
