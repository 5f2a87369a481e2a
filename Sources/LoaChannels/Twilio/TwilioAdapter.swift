import Foundation
import LoaConfig
import LoaCore
import LoaHTTP

/// The `twilio` channel: one SMS per message through Twilio Programmable Messaging (gateways.md §9).
///
/// `POST {base_url}/2010-04-01/Accounts/{AccountSid}/Messages.json`, form-encoded `To` (E.164),
/// `From` and/or `MessagingServiceSid`, `Body`, `StatusCallback`; HTTP Basic with the account SID and
/// auth token. Twilio dedupes nothing (§11.1), but a 429 was provably not processed.
public struct TwilioAdapter: ChannelAdapter {
    public let config: ChannelConfig
    /// Where Twilio should report message states (`StatusCallback`), or nil to send none.
    public let statusCallbackURL: String?
    private let url: String
    private let authorization: String
    let authToken: String
    private let from: String?
    private let messagingServiceSID: String?
    private let now: @Sendable () -> Date

    /// Makes the adapter for `config`.
    ///
    /// - Parameters:
    ///   - statusCallbackURL: sent as `StatusCallback`; the server mounts it at
    ///     `/hooks/{channel}/{hook-secret}/status` (SPEC §5).
    ///   - now: the clock an HTTP-date `Retry-After` is measured against.
    public init(
        config: ChannelConfig, statusCallbackURL: String? = nil, now: @escaping @Sendable () -> Date = { Date() }
    ) throws(ConfigError) {
        guard let accountSID = config.settings["account_sid"], !accountSID.isEmpty,
            let token = config.secrets["auth_token"]?.value, !token.isEmpty
        else {
            throw ConfigError("channel \(config.name): kind twilio needs account_sid and auth_token")
        }
        // The SID becomes a path segment: only Twilio's own shape (AC + hex) is let through.
        guard accountSID.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
            throw ConfigError("channel \(config.name): account_sid '\(accountSID)' is not a Twilio account SID")
        }
        let from = config.settings["from"].flatMap { $0.isEmpty ? nil : $0 }
        let service = config.settings["messaging_service_sid"].flatMap { $0.isEmpty ? nil : $0 }
        guard from != nil || service != nil else {
            throw ConfigError("channel \(config.name): kind twilio needs from or messaging_service_sid")
        }
        guard let base = config.effectiveBaseURL else {
            throw ConfigError("channel \(config.name): kind twilio needs base_url")
        }
        self.config = config
        self.statusCallbackURL = statusCallbackURL
        self.url = (base.hasSuffix("/") ? String(base.dropLast()) : base)
            + "/2010-04-01/Accounts/\(accountSID)/Messages.json"
        self.authorization = "Basic " + Data((accountSID + ":" + token).utf8).base64EncodedString()
        self.authToken = token
        self.from = from
        self.messagingServiceSID = service
        self.now = now
    }

    public var secrets: [String] {
        // The Basic header carries the token in base64: a log holding it leaks the token too.
        [authToken, String(authorization.dropFirst(6))]
    }

    /// The text this channel sends for `message`, with its coding and segments.
    public func body(for message: OutboundMessage) throws(SendError) -> SMSBody {
        try SMSComposer.body(for: message, channel: config)
    }

    public func makeRequest(for message: OutboundMessage) throws(SendError) -> HTTPRequest {
        guard let phone = message.recipient.phone else {
            throw SendError(.fallback, "no phone number: SMS cannot reach this resident")
        }
        var fields: [(String, String)] = [("To", phone.e164)]
        if let from { fields.append(("From", from)) }
        if let messagingServiceSID { fields.append(("MessagingServiceSid", messagingServiceSID)) }
        fields.append(("Body", try body(for: message).text))
        if let statusCallbackURL { fields.append(("StatusCallback", statusCallbackURL)) }
        let headers: HTTPHeaders = [
            "Content-Type": "application/x-www-form-urlencoded",
            "Authorization": authorization,
            "Accept": "application/json",
        ]
        return HTTPRequest(
            method: .post, url: url, headers: headers, body: Array(FormEncoding.encode(fields).utf8),
            timeout: .seconds(15))
    }

    public func readReply(_ response: HTTPResponse, for message: OutboundMessage) throws(SendError) -> SendResult {
        let reply = try? JSONDecoder().decode(TwilioReply.self, from: Data(response.body))
        switch response.status {
        case 200..<300:
            break
        case 429:
            // §9: a 429 (code 20429) was not processed and is always safe to retry, whatever the body says.
            let retryAfter = RetryAfter.parse(response.headers["Retry-After"], now: now())
            throw SendError(
                .throttled, "HTTP 429: " + (reply?.errorMessage ?? "Too Many Requests"),
                gatewayCode: reply?.errorCode ?? "429", retryAfter: retryAfter)
        case 500..<600:
            throw SendError.from(status: response, now: now()) ?? SendError(.retryable, "HTTP \(response.status)")
        default:
            // Twilio explains a 4xx in its error body: `code` is what says what to do.
            if let code = reply?.errorCode {
                throw TwilioCodes.error(code: code, twilioMessage: reply?.errorMessage, now: now(), response: response)
            }
            throw SendError.from(status: response, now: now()) ?? SendError(.permanent, "HTTP \(response.status)")
        }
        guard let reply, let sid = reply.sid else {
            // Twilio may have created the message; a retry can send twice (no dedup, §11.1), but a
            // lost convocation costs more than a rare duplicate.
            throw SendError(.retryable, "unreadable Twilio reply (HTTP \(response.status)): \(response.excerpt)")
        }
        if reply.status == "failed" || reply.status == "undelivered" {
            throw TwilioCodes.error(
                code: reply.errorCode ?? "", twilioMessage: reply.errorMessage, now: now(), response: response)
        }
        // Twilio bills `num_segments`; it is missing only from odd replies, where Loa's own count stands.
        let segments = if let counted = reply.segments { counted } else { try body(for: message).info.segments }
        return SendResult(
            state: .accepted, gatewayRef: sid, segments: segments, detail: reply.status.map { "Twilio status \($0)" })
    }
}
