/// A gateway wire format the simulator speaks, named like the channel kinds in `loa.toml`.
public enum GatewayDialect: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    /// Loa's generic JSON webhook: `POST /webhook/{anything}`.
    case webhook
    /// Zalo ZNS template message by phone: `POST /message/template` (gateways.md §1).
    case zaloZNS = "zalo-zns"
    /// Zalo OA consultation message: `POST /v3.0/oa/message/cs` (gateways.md §3).
    case zaloOA = "zalo-oa"
    /// eSMS brandname SMS: `POST /MainService.svc/json/SendMultipleMessage_V4_post_json/` (gateways.md §4).
    case esms
    /// SpeedSMS.vn: `POST /index.php/sms/send` (gateways.md §5).
    case speedsms
    /// Twilio Programmable Messaging: `POST /2010-04-01/Accounts/{sid}/Messages.json` (gateways.md §9).
    case twilio
    /// Kannel's smsbox: `GET /cgi-bin/sendsms` with plain-text replies and DLR GETs (gateways.md §8).
    case kannel

    /// The kind name, e.g. `zalo-zns`.
    public var description: String { rawValue }
}
