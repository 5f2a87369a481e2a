/// The JSON shape of one adapter fixture case, as written in `Fixtures/channels/<kind>/*.json`.
///
/// ```json
/// { "label": "No Zalo account → fallback",
///   "config": { "app_id": "…", "access_token": "…", "template_params": { "ten": "name" } },
///   "message": { "title": "…", "body": "…", "recipient": { "name": "…", "phone": "0912345678" } },
///   "now": "2026-12-01T10:00:00+07:00",
///   "options": { "status_callback_url": "https://…" },
///   "exchanges": [ { "request": { "method": "POST", "url": "…", "headers": { "access_token": "…" },
///                                 "json": { … } },
///                    "response": { "status": 200, "json": { … } } } ],
///   "expect": { "error": { "kind": "fallback", "code": "-118" } } }
/// ```
/// A response may instead be `{ "error": "timeout" }` (any `HTTPClientError.Kind`); `expect` holds
/// one of `result`, `error` or `config_error`. Field meanings and defaults are on `AdapterCase`.
struct AdapterFixture: Decodable {
    var label: String
    var config: [String: JSONValue]
    var message: Message?
    var now: String?
    var options: Options?
    var exchanges: [Exchange]?
    var expect: Expect

    struct Options: Decodable {
        var statusCallbackURL: String?

        enum CodingKeys: String, CodingKey {
            case statusCallbackURL = "status_callback_url"
        }
    }

    struct Message: Decodable {
        var messageID: Int64?
        var idempotencyKey: String?
        var notice: String?
        var shortCode: String?
        var kind: String?
        var title: String
        var body: String
        var link: String?
        var recipient: Recipient
        var meetingAt: String?
        var place: String?
        var expiresAt: String?
        var ackRequired: Bool?
        var timeZone: String?

        enum CodingKeys: String, CodingKey {
            case messageID = "message_id"
            case idempotencyKey = "idempotency_key"
            case notice
            case shortCode = "short_code"
            case kind, title, body, link, recipient
            case meetingAt = "meeting_at"
            case place
            case expiresAt = "expires_at"
            case ackRequired = "ack_required"
            case timeZone = "time_zone"
        }
    }

    struct Recipient: Decodable {
        var name: String
        var phone: String?
        var zalo: String?
        var hamlet: String?
    }

    struct Exchange: Decodable {
        var request: Request
        var response: Response
    }

    struct Request: Decodable {
        var method: String?
        var url: String
        /// A string value must match; `null` means the header must be absent.
        var headers: [String: JSONValue]?
        var json: JSONValue?
        var body: String?
    }

    struct Response: Decodable {
        var status: Int?
        var headers: [String: String]?
        var json: JSONValue?
        var body: String?
        /// A transport failure instead of a response: `timeout`, `connect`, `reset`, …
        var error: String?
    }

    struct Expect: Decodable {
        var result: Result?
        var error: Failure?
        var configError: String?

        enum CodingKeys: String, CodingKey {
            case result, error
            case configError = "config_error"
        }
    }

    struct Result: Decodable {
        var state: String
        var gatewayRef: String?
        var segments: Int?
        var detail: String?

        enum CodingKeys: String, CodingKey {
            case state
            case gatewayRef = "gateway_ref"
            case segments, detail
        }
    }

    struct Failure: Decodable {
        var kind: String
        var code: String?
        var retryAfterSeconds: Double?
        var messageContains: [String]?

        enum CodingKeys: String, CodingKey {
            case kind, code
            case retryAfterSeconds = "retry_after_seconds"
            case messageContains = "message_contains"
        }
    }
}
