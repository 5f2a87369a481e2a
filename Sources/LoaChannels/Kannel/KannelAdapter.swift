import Foundation
import LoaConfig
import LoaCore
import LoaHTTP

/// The `kannel` channel: one SMS per message through a self-hosted Kannel's smsbox (gateways.md §8).
///
/// `GET {base_url}/cgi-bin/sendsms?username=…&password=…&from=…&to=…&text=…&dlr-mask=…&dlr-url=…`.
/// The submit reply carries no message id (§8, NOTES.md "Kannel"), so the message's idempotency
/// key travels inside `dlr-url` and comes back on every delivery report (§11.1).
public struct KannelAdapter: ChannelAdapter {
    public let config: ChannelConfig
    /// Loa's delivery-report hook (`/hooks/{channel}/{hook-secret}/status`), or nil: no reports.
    public let statusCallbackURL: String?
    /// The channel's hook secrets, which make each `dlr-url`'s per-message token; nil: no token.
    public let hookSecret: HookSecret?
    private let url: String
    private let username: String
    private let password: Secret
    private let brandname: String?
    private let dlrMask: Int
    private let now: @Sendable () -> Date

    /// The `dlr-mask` used when `dlr_mask` is not configured: every report type (1+2+4+8+16).
    public static let defaultDLRMask = 31

    /// Makes the adapter for `config`.
    ///
    /// - Parameters:
    ///   - statusCallbackURL: the base of every `dlr-url`; without it Kannel is asked for no reports
    ///     (`dlr-mask=0`), whatever `dlr_mask` says.
    ///   - hookSecret: the channel's hook secrets; each `dlr-url` then carries a token for its key.
    ///   - now: the clock an HTTP-date `Retry-After` is measured against.
    public init(
        config: ChannelConfig, statusCallbackURL: String? = nil, hookSecret: HookSecret? = nil,
        now: @escaping @Sendable () -> Date = { Date() }
    ) throws(ConfigError) {
        guard let username = config.settings["username"], !username.isEmpty,
            let password = config.secrets["password"], !password.value.isEmpty
        else {
            throw ConfigError("channel \(config.name): kind kannel needs username and password (a sendsms-user group)")
        }
        // §8: Kannel has no public host; base_url is the smsbox's sendsms-port.
        guard let base = config.effectiveBaseURL, !base.isEmpty else {
            throw ConfigError("channel \(config.name): kind kannel needs base_url (the smsbox sendsms address)")
        }
        var mask = Self.defaultDLRMask
        if let text = config.settings["dlr_mask"] {
            // §8: six report bits, 1 … 32.
            guard let value = Int(text), (0...63).contains(value) else {
                throw ConfigError("channel \(config.name): dlr_mask must be a number from 0 to 63, not '\(text)'")
            }
            mask = value
        }
        self.config = config
        self.statusCallbackURL = statusCallbackURL
        self.hookSecret = hookSecret
        self.url = (base.hasSuffix("/") ? String(base.dropLast()) : base) + "/cgi-bin/sendsms"
        self.username = username
        self.password = password
        self.brandname = config.settings["brandname"].flatMap { $0.isEmpty ? nil : $0 }
        self.dlrMask = statusCallbackURL == nil ? 0 : mask
        self.now = now
    }

    /// Each send names its own `dlr-url`, so reports carry that message's token.
    public var statusCallbacksCarryToken: Bool { true }

    /// The text this channel sends for `message`, with its coding and segments.
    public func body(for message: OutboundMessage) throws(SendError) -> SMSBody {
        try SMSComposer.body(for: message, channel: config)
    }

    /// The `dlr-url` for `key`: Loa's status hook with Kannel's escape codes left for Kannel to
    /// expand (§8): `%d` report type, `%T` UNIX time, `%i` smsc-id, `%A` the SMSC's reply text.
    /// `%I` is not used: it is a new id on every report (NOTES.md "Kannel"). The per-message token
    /// after the key is what proves a report came through this URL: Kannel signs nothing (§8).
    public func dlrURL(for key: String) -> String? {
        guard let statusCallbackURL else { return nil }
        let separator = statusCallbackURL.contains("?") ? "&" : "?"
        let token = hookSecret.map { "&" + $0.tokenQuery(for: key) } ?? ""
        return statusCallbackURL + separator + "key=" + FormEncoding.escape(key) + token + "&type=%d&ts=%T&smsc=%i&reply=%A"
    }

    public func makeRequest(for message: OutboundMessage) throws(SendError) -> HTTPRequest {
        guard let phone = message.recipient.phone else {
            throw SendError(.fallback, "no phone number: SMS cannot reach this resident")
        }
        let sms = try body(for: message)
        var query: [(String, String)] = [("username", username), ("password", password.value)]
        if let brandname { query.append(("from", brandname)) }
        // International digits without `+` (84…), the form SMSC routes and prefix rules match on.
        query.append(("to", String(phone.e164.dropFirst())))
        query.append(("text", sms.text))
        if sms.needsUnicode {
            // NOTES.md "Kannel": without coding=2 and the charset, "ệ" arrives as "?".
            query.append(("coding", "2"))
            query.append(("charset", "UTF-8"))
        }
        query.append(("dlr-mask", String(dlrMask)))
        if let dlrURL = dlrURL(for: message.idempotencyKey) { query.append(("dlr-url", dlrURL)) }
        return HTTPRequest(method: .get, url: url + "?" + FormEncoding.encode(query), timeout: .seconds(15))
    }

    public func readReply(_ response: HTTPResponse, for message: OutboundMessage) throws(SendError) -> SendResult {
        let segments = try body(for: message).info.segments
        switch KannelCodes.reading(response, now: now()) {
        case .accepted(let detail):
            // §8: 202 means handed to an SMSC driver (or queued), not delivered; no id to keep.
            // §13: neither the reply nor the DLRs say how many parts Kannel sent (one DLR 8 and one
            // DLR 1 for a 3-part text on 1.4.5); with max-messages ≥ Loa's cap (kannel.conf) it
            // sends them all, split as Loa counts them (KannelPeerTests checks both).
            return SendResult(state: .accepted, segments: segments, detail: detail)
        case .failed(let error):
            throw error
        }
    }
}
