/// The credentials and callback target of the simulated Zalo ZNS account (gateways.md §1, §3.4).
public struct ZaloZNSAccount: Sendable {
    /// The app id: the first term of the webhook signature and the event's `app_id`.
    public var appID: String = "3416800000000000001"
    /// The OA id, sent as the event's `sender.id`.
    public var oaID: String = "1887400000000000001"
    /// The only `access_token` header value accepted; any other gets `-124`.
    public var accessToken: String = "sim-zalo-access-token"
    /// The OA secret key, the last term of the webhook signature.
    public var secretKey: String = "sim-zalo-oa-secret"
    /// Where `user_received_message` events are POSTed, or nil for none.
    public var callbackURL: String?
    /// The OA's daily ZNS allowance; sends beyond it get `-144`.
    public var dailyQuota: Int = 1_000_000
    /// The approved template ids, or nil to accept any non-empty one; others get `-109`.
    public var templateIDs: Set<String>?
    /// Templates described by `GET /template/info/v2` and checked on send (`-1121`, `-1122`); a
    /// template not here is described as unknown (`-109`) and its values are only held to 400
    /// characters.
    public var templates: [String: ZNSTemplateSpec] = [:]

    /// Creates the account with the simulator's default credentials.
    public init() {}
}

/// The credentials of the simulated eSMS account (gateways.md §4).
public struct ESMSAccount: Sendable {
    /// The only `ApiKey` accepted; any other gets `101`.
    public var apiKey: String = "sim-esms-api-key"
    /// The only `SecretKey` accepted; any other gets `101`.
    public var secretKey: String = "sim-esms-secret-key"
    /// The registered brandnames, or nil to accept any non-empty one; others get `104`.
    public var brandnames: Set<String>?
    /// The main balance `GetBalance_json` reports, in VND (not a vendor figure).
    public var balance: Int = 2_000_000
    /// The `UserID` `GetBalance_json` reports.
    public var userID: Int = 41_207

    /// Creates the account with the simulator's default credentials.
    public init() {}
}

/// Where the simulated generic webhook receiver reports message states.
public struct WebhookAccount: Sendable {
    /// Where state callbacks are POSTed, or nil for none.
    public var callbackURL: String?

    /// Creates the account with no callback.
    public init() {}
}
