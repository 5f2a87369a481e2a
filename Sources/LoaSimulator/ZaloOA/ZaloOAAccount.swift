/// The credentials and callback target of the simulated Zalo Official Account (gateways.md §2, §3).
public struct ZaloOAAccount: Sendable {
    /// The app id: the first term of the webhook signature, the event's `app_id`, and the
    /// `app_id` the token endpoint expects.
    public var appID: String = "3416800000000000001"
    /// The OA id, sent as `sender.id` of receipts.
    public var oaID: String = "1887400000000000001"
    /// The access token accepted from the start; tokens the token endpoint issues are accepted too.
    public var accessToken: String = "sim-zalo-access-token"
    /// The first refresh token; each refresh token works once (gateways.md §2).
    public var refreshToken: String = "sim-zalo-refresh-token"
    /// The `secret_key` header the token endpoint expects.
    public var appSecret: String = "sim-zalo-app-secret"
    /// The OA secret key, the last term of the webhook signature.
    public var secretKey: String = "sim-zalo-oa-secret"
    /// The `expires_in` the token endpoint answers with, in seconds (observed `"90000"`).
    public var tokenLifetime: Int = 90_000
    /// Where `user_received_message` and `user_seen_message` events are POSTed, or nil for none.
    public var callbackURL: String?
    /// The share of user ids that do not follow the OA (answered `-213`), decided by the id alone.
    public var nonFollowerShare: Double = 0
    /// The share of followers who wrote to the OA in the last 7 days, decided by the id alone: the
    /// others are answered `-230` to a consultation message and reached only by a template.
    public var recentInteractionShare: Double = 1
    /// The OA's name, as `GET /v2.0/oa/getoa` tells it.
    public var name: String = "UBND Xã Mô Phỏng"

    /// Creates the account with the simulator's default credentials.
    public init() {}
}
