/// The JSON shape of one callback fixture case, as written in `Fixtures/channels/<kind>/callbacks.json`.
///
/// ```json
/// { "label": "ZNS delivery receipt uses delivery_time",
///   "config": { "app_id": "…", "secret_key": "…" },
///   "received_at": "2026-12-01T10:00:05+07:00",
///   "request": { "event": "status", "method": "POST", "url": "https://loa.example/hooks/zalo/S/status",
///                "query": [["a", "1"]], "headers": { "X-ZEvent-Signature": "mac=…" },
///                "body": "{\"app_id\":…}" },
///   "expect": { "events": [ { "key": "N1M1C0", "state": "delivered",
///                             "occurred_at": "2026-12-01T10:00:02.123+07:00", "dedupe_key": "…" } ] } }
/// ```
/// The body is `body` (raw text, byte for byte: use it for signed requests), `json` (serialised
/// compactly) or `form` (pairs, URL-encoded). `expect` holds `events`, `error`
/// (`unauthorized`, `malformed`, `unsupported`, optionally with `message_contains`) or
/// `config_error` (text the refusal of the channel's configuration contains).
struct CallbackFixture: Decodable {
    var label: String
    var config: [String: JSONValue]
    var receivedAt: String?
    var request: Request
    var expect: Expect

    enum CodingKeys: String, CodingKey {
        case label, config
        case receivedAt = "received_at"
        case request, expect
    }

    struct Request: Decodable {
        var event: String?
        var method: String?
        var url: String?
        var query: [[String]]?
        var headers: [String: String]?
        var body: String?
        var json: JSONValue?
        var form: [[String]]?
    }

    struct Expect: Decodable {
        var events: [Event]?
        var error: String?
        var messageContains: [String]?
        var configError: String?

        enum CodingKeys: String, CodingKey {
            case events, error
            case messageContains = "message_contains"
            case configError = "config_error"
        }
    }

    /// One expected event; `key` or `gateway_ref` (with optional `phone`) names the subject,
    /// `state` or `reply_from` + `reply_text` the change. `detail_contains` is checked when given.
    struct Event: Decodable {
        var key: String?
        var gatewayRef: String?
        var phone: String?
        var state: String?
        var replyFrom: String?
        var replyText: String?
        var occurredAt: String?
        var dedupeKey: String?
        var detailContains: String?

        enum CodingKeys: String, CodingKey {
            case key
            case gatewayRef = "gateway_ref"
            case phone, state
            case replyFrom = "reply_from"
            case replyText = "reply_text"
            case occurredAt = "occurred_at"
            case dedupeKey = "dedupe_key"
            case detailContains = "detail_contains"
        }
    }
}
