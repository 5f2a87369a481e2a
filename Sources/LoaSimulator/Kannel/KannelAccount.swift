/// The `sendsms-user` of the simulated Kannel smsbox (gateways.md §8).
public struct KannelAccount: Sendable {
    /// The only `username` accepted; any other gets `403 Authorization failed for sendsms`.
    public var username: String = "sim-kannel"
    /// The only `password` accepted.
    public var password: String = "sim-kannel-password"
    /// The `smsc-id` reported as `%i` in delivery reports.
    public var smscID: String = "sim"

    /// Creates the account with the simulator's default credentials.
    public init() {}
}
