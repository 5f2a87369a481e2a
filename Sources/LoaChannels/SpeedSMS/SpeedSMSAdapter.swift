import Foundation
import LoaConfig
import LoaCore
import LoaHTTP

/// The `speedsms` channel: one SMS per message through SpeedSMS.vn (gateways.md §5).
///
/// `POST {base_url}/index.php/sms/send`, JSON `{to: ["84…"], content, sms_type, sender}`, HTTP Basic
/// with the access token as user name and `x` as password. The text comes from `SMSComposer` under
/// the channel's `fold_diacritics`. SpeedSMS has no request-level dedup (§11.1).
public struct SpeedSMSAdapter: ChannelAdapter {
    public let config: ChannelConfig
    private let url: String
    private let authorization: String
    private let smsType: Int64
    private let sender: String?
    private let now: @Sendable () -> Date

    /// The `rate` used when the channel sets none: SpeedSMS's documented limit, 60 requests a minute.
    public static let defaultRate = SendRate(parsing: "60/min")

    /// Makes the adapter for `config`; `now` is the clock an HTTP-date `Retry-After` is measured against.
    public init(config: ChannelConfig, now: @escaping @Sendable () -> Date = { Date() }) throws(ConfigError) {
        guard let token = config.secrets["access_token"]?.value, !token.isEmpty else {
            throw ConfigError("channel \(config.name): kind speedsms needs access_token")
        }
        guard let base = config.effectiveBaseURL else {
            throw ConfigError("channel \(config.name): kind speedsms needs base_url")
        }
        let sender = config.settings["sender"].flatMap { $0.isEmpty ? nil : $0 }
        // §5: 3 sends from the commune's registered brandname, which residents recognise and §7
        // expects for official traffic; without a `sender` the only class needing no registration
        // is 2 (a random long number). 4 (the shared "Notify") and 5 (an Android phone) stay opt-in.
        let smsType = config.settings["sms_type"] ?? (sender == nil ? "2" : "3")
        guard let typeNumber = Int(smsType), (1...8).contains(typeNumber) else {
            throw ConfigError("channel \(config.name): sms_type '\(smsType)' is not one of SpeedSMS's types 1–8")
        }
        if typeNumber == 3, sender == nil {
            throw ConfigError("channel \(config.name): sms_type 3 (brandname) needs sender")
        }
        var config = config
        // gateways.md §13: SpeedSMS takes 60 requests per 60 s and answers 429 beyond; without a
        // configured `rate` the scheduler's bucket (read from the adapter's config) keeps under it.
        if config.rate == nil { config.rate = Self.defaultRate }
        self.config = config
        self.url = (base.hasSuffix("/") ? String(base.dropLast()) : base) + "/index.php/sms/send"
        // §5: Basic auth, access token as the user name and a literal `x` as the password.
        self.authorization = "Basic " + Data((token + ":x").utf8).base64EncodedString()
        self.smsType = Int64(typeNumber)
        self.sender = sender
        self.now = now
    }

    public var secrets: [String] {
        // The Basic header is the token in base64: a log holding it leaks the token too.
        (config.secrets["access_token"].map { [$0.value] } ?? []) + [String(authorization.dropFirst(6))]
    }

    /// The text this channel sends for `message`, with its coding and segments.
    public func body(for message: OutboundMessage) throws(SendError) -> SMSBody {
        try SMSComposer.body(for: message, channel: config)
    }

    public func makeRequest(for message: OutboundMessage) throws(SendError) -> HTTPRequest {
        guard let phone = message.recipient.phone else {
            throw SendError(.fallback, "no phone number: SMS cannot reach this resident")
        }
        var json = JSONText()
        json.add("content", try body(for: message).text)
        // §5: sms_type is a number in every client read.
        json.add("sms_type", smsType)
        json.add("sender", sender)
        // §5: `to` is an array of numbers in `84…` form; JSONText writes no arrays, so it is put
        // in front of the other fields by hand.
        var bytes = Array(#"{"to":["#.utf8)
        JSONEscaping.appendQuoted(String(phone.e164.dropFirst()), to: &bytes)
        bytes.append(contentsOf: "],".utf8)
        bytes.append(contentsOf: json.finishedBytes.dropFirst())
        let headers: HTTPHeaders = [
            "Content-Type": "application/json; charset=utf-8",
            "Authorization": authorization,
        ]
        return HTTPRequest(method: .post, url: url, headers: headers, body: bytes, timeout: .seconds(15))
    }

    public func readReply(_ response: HTTPResponse, for message: OutboundMessage) throws(SendError) -> SendResult {
        if let error = SpeedSMSCodes.httpError(response, now: now()) { throw error }
        // SpeedSMS does not dedupe (§11.1): retrying an unreadable reply may send twice.
        let reply = try response.decodedReply(SpeedSMSReply.self, gateway: "SpeedSMS")
        if !reply.invalidPhones.isEmpty {
            // §5: the number is listed in `invalidPhone`, whatever the code says.
            let said = reply.message.map { " (SpeedSMS: \($0))" } ?? ""
            throw SendError(.invalidRecipient, "SpeedSMS refused the number as invalid" + said, gatewayCode: reply.code)
        }
        guard reply.isSuccess else {
            throw SpeedSMSCodes.error(code: reply.code ?? "", gatewayMessage: reply.message)
        }
        return SendResult(
            state: .accepted, gatewayRef: reply.tranID, segments: try body(for: message).info.segments,
            detail: reply.summary)
    }
}
