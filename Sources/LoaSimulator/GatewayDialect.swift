/// A gateway wire format the simulator speaks, named like the channel kinds in `loa.toml`.
public enum GatewayDialect: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    /// Loa's generic JSON webhook: `POST /webhook/{anything}`.
    case webhook
    /// Zalo ZNS template message by phone: `POST /message/template` (gateways.md §1).
    case zaloZNS = "zalo-zns"
    /// eSMS brandname SMS: `POST /MainService.svc/json/SendMultipleMessage_V4_post_json/` (gateways.md §4).
    case esms

    /// The kind name, e.g. `zalo-zns`.
    public var description: String { rawValue }
}
