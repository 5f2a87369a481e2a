/// The gateway dialects Loa speaks (SPEC §4 `kind`).
public enum ChannelKind: String, Sendable, CaseIterable, Codable {
    case zaloZNS = "zalo-zns"
    case zaloOA = "zalo-oa"
    case esms
    case speedsms
    case kannel
    case twilio
    case webhook

    /// SMS gateways count rate and cost in segments.
    public var isSMS: Bool {
        switch self {
        case .esms, .speedsms, .kannel, .twilio: true
        case .zaloZNS, .zaloOA, .webhook: false
        }
    }

    /// Whether the gateway reports delivery to a status URL (the generic webhook reports nothing).
    public var callsBack: Bool { self != .webhook }

    /// Whether the gateway forwards residents' replies to an inbound URL: eSMS's API has no inbound
    /// callback, and Zalo's replies come through the app's one webhook.
    public var forwardsReplies: Bool {
        switch self {
        case .speedsms, .kannel, .twilio: true
        case .zaloZNS, .zaloOA, .esms, .webhook: false
        }
    }

    /// The kind-specific keys SPEC §4 lists, and which of them hold secrets.
    var keys: (plain: Set<String>, secret: Set<String>) {
        switch self {
        case .zaloZNS:
            (["app_id", "oa_id", "template_id", "oauth_base_url"], ["secret_key", "app_secret", "access_token", "refresh_token"])
        case .zaloOA:
            (["app_id", "oa_id", "template_id", "oauth_base_url"], ["secret_key", "app_secret", "access_token", "refresh_token"])
        case .esms: (["brandname", "sms_type"], ["api_key", "secret_key"])
        case .speedsms: (["sender", "sms_type"], ["access_token"])
        case .kannel: (["username", "brandname", "dlr_mask"], ["password"])
        case .twilio: (["account_sid", "from", "messaging_service_sid"], ["auth_token"])
        case .webhook: (["url"], [])
        }
    }

    /// Keys without which the channel cannot work; each inner list means "one of these".
    ///
    /// Zalo channels need `secret_key`: Zalo signs every webhook with the OA secret (gateways.md
    /// §3.4), so without it no receipt or reply would ever be accepted.
    var required: [[String]] {
        switch self {
        // A new OA has no tokens yet: `app_secret` alone lets `loa channels authorize` seed the pair.
        case .zaloZNS: [["app_id"], ["template_id"], ["access_token", "refresh_token", "app_secret"], ["secret_key"]]
        case .zaloOA: [["app_id"], ["access_token", "refresh_token", "app_secret"], ["secret_key"]]
        case .esms: [["api_key"], ["secret_key"], ["brandname"]]
        case .speedsms: [["access_token"]]
        case .kannel: [["username"], ["password"]]
        case .twilio: [["account_sid"], ["auth_token"], ["from", "messaging_service_sid"]]
        case .webhook: [["url"]]
        }
    }

    /// Where the real gateway lives when `base_url` is not set.
    public var defaultBaseURL: String? {
        switch self {
        case .zaloZNS: "https://business.openapi.zalo.me"
        case .zaloOA: "https://openapi.zalo.me"
        case .esms: "https://rest.esms.vn"
        case .speedsms: "https://api.speedsms.vn"
        case .twilio: "https://api.twilio.com"
        case .kannel, .webhook: nil
        }
    }
}
