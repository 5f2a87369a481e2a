/// The credentials and push-report target of the simulated SpeedSMS account (gateways.md §5).
public struct SpeedSMSAccount: Sendable {
    /// The access token: the Basic auth user name (the password is `x`).
    public var accessToken: String = "sim-speedsms-access-token"
    /// The registered brandnames, or nil to accept any non-empty `sender` with `sms_type` 3.
    public var senders: Set<String>?
    /// Where delivery reports are pushed (set once per account, not per send), or nil for none.
    public var callbackURL: String?
    /// The account's email address, which `user/info` reports.
    public var email: String = "xa-mau@example.vn"
    /// The balance `user/info` reports, in VND (not a vendor figure).
    public var balance: Int = 1_500_000
    /// The simulated price of one SMS part in VND, for `totalPrice` (not a vendor tariff).
    public var pricePerPart: Int = 650

    /// Creates the account with the simulator's default credentials.
    public init() {}
}
