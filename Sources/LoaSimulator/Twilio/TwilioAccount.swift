/// The credentials of the simulated Twilio account (gateways.md §9).
public struct TwilioAccount: Sendable {
    /// The account SID: the path segment of the Messages URL and the Basic auth user name.
    public var accountSID: String = "ACsim00000000000000000000000000000"
    /// The auth token: the Basic auth password and the key that signs status callbacks.
    public var authToken: String = "sim-twilio-auth-token"
    /// The account's `status`: `active`, `suspended` or `closed`.
    public var status: String = "active"
    /// The account's `type`: `Full`, or `Trial` (delivers only to verified numbers).
    public var type: String = "Full"
    /// The balance `Balance.json` reports, in USD, written as Twilio writes it (a decimal string).
    public var balance: String = "25.00"
    /// The `From` senders the account owns, or nil to accept any non-empty one; others get 21606.
    public var senders: Set<String>?

    /// Creates the account with the simulator's default credentials.
    public init() {}
}
