import Foundation
import LoaChannels
import LoaCore
import LoaHTTP

/// One row of an adapter fixture table, ready to run with ``AdapterHarness/run(_:make:)``.
///
/// Defaults for what a fixture leaves out: channel `name` and `kind` = the fixture's folder,
/// `now` = 2026-12-01T10:00:00+07:00, message id 1, idempotency key `N1M1C0`, notice `N1`,
/// short code `K7QX`, kind `notice`, time zone Asia/Ho_Chi_Minh, method `POST`, status 200.
public struct AdapterCase: Sendable, CustomStringConvertible {
    /// What the fixture's `expect` asks for.
    public enum Expectation: Sendable {
        /// The send succeeds with exactly this state, reference and segment count; `detail` is
        /// checked only when given.
        case result(state: MessageState, gatewayRef: String?, segments: Int?, detail: String?)
        /// The send fails with this kind and gateway code, after this delay (nil: none), with a
        /// message containing each of `messageContains`.
        case error(kind: SendError.Kind, code: String?, retryAfterSeconds: Double?, messageContains: [String])
        /// The configuration itself is refused, with a message containing this text.
        case configError(String)
    }

    /// The case's label, which names the quirk it documents.
    public var label: String
    /// `zalo-zns/send.json #3`, for failure messages.
    public var source: String
    /// The `[[channels]]` keys, rendered to TOML and parsed like `loa.toml`.
    public var config: [String: JSONValue]
    public var message: OutboundMessage
    /// The pinned clock.
    public var now: Date
    /// Passed to adapters that report delivery to Loa (eSMS `CallbackUrl`).
    public var statusCallbackURL: String?
    public var exchanges: [ScriptedExchange]
    public var expectation: Expectation

    public var description: String { label }

    static let defaultNow = Date(timeIntervalSince1970: 1_796_094_000)  // 2026-12-01T10:00:00+07:00

    init(_ fixture: AdapterFixture, kind: String, source: String) throws(FixtureError) {
        label = fixture.label
        self.source = source
        // Rows show the wire format, so template-only kinds take any text unless a row says `free_text: false`.
        let freeText: [String: JSONValue] = ["esms", "speedsms"].contains(kind) ? ["free_text": .bool(true)] : [:]
        config = ["name": .string(kind), "kind": .string(kind)].merging(freeText) { $1 }.merging(fixture.config) { $1 }
        let zone = TimeZone(identifier: fixture.message?.timeZone ?? "Asia/Ho_Chi_Minh")
        guard let zone else { throw FixtureError("\(source): unknown time_zone") }
        now = try fixture.now.map { text throws(FixtureError) in try Self.date(text, zone: zone, source: source) }
            ?? Self.defaultNow
        statusCallbackURL = fixture.options?.statusCallbackURL
        guard let raw = fixture.message else { throw FixtureError("\(source): message is missing") }
        message = try Self.message(raw, zone: zone, source: source)
        exchanges = try (fixture.exchanges ?? []).map { exchange throws(FixtureError) in
            try Self.exchange(exchange, source: source)
        }
        expectation = try Self.expectation(fixture.expect, source: source)
    }

    static func date(_ text: String, zone: TimeZone, source: String) throws(FixtureError) -> Date {
        guard let date = TimeText.parse(text, in: zone) else { throw FixtureError("\(source): '\(text)' is not a time") }
        return date
    }

    private static func message(
        _ raw: AdapterFixture.Message, zone: TimeZone, source: String
    ) throws(FixtureError) -> OutboundMessage {
        var phone: PhoneNumber?
        if let text = raw.recipient.phone {
            do { phone = try PhoneNumber(parsing: text) } catch { throw FixtureError("\(source): phone: \(error)") }
        }
        guard let kind = NoticeKind(rawValue: raw.kind ?? "notice") else {
            throw FixtureError("\(source): unknown notice kind \(raw.kind ?? "")")
        }
        return OutboundMessage(
            messageID: raw.messageID ?? 1, idempotencyKey: raw.idempotencyKey ?? "N1M1C0", noticeID: raw.notice ?? "N1",
            shortCode: raw.shortCode ?? "K7QX", kind: kind, title: raw.title, body: raw.body, link: raw.link,
            recipient: .init(
                name: raw.recipient.name, phone: phone, zaloID: raw.recipient.zalo, hamlet: raw.recipient.hamlet),
            meetingAt: try raw.meetingAt.map { text throws(FixtureError) in try date(text, zone: zone, source: source) },
            place: raw.place,
            expiresAt: try raw.expiresAt.map { text throws(FixtureError) in try date(text, zone: zone, source: source) },
            ackRequired: raw.ackRequired ?? false, timeZone: zone)
    }

    private static func exchange(_ raw: AdapterFixture.Exchange, source: String) throws(FixtureError) -> ScriptedExchange {
        var headers: [String: String?] = [:]
        for (name, value) in raw.request.headers ?? [:] {
            switch value {
            case .null: headers[name] = .some(nil)
            case .string(let text): headers[name] = .some(text)
            default: throw FixtureError("\(source): request header \(name) must be a string or null")
            }
        }
        let body: ExpectedRequest.Body? = raw.request.json.map { .json($0) } ?? raw.request.body.map { .text($0) }
        let expected = ExpectedRequest(
            method: HTTPRequest.Method(rawValue: raw.request.method ?? "POST"), url: raw.request.url,
            headers: headers, body: body)
        let response = raw.response
        if let failure = response.error {
            guard let kind = HTTPClientError.Kind(rawValue: failure) else {
                throw FixtureError("\(source): unknown transport error '\(failure)'")
            }
            return ScriptedExchange(expected: expected, reply: .failure(HTTPClientError(kind, "scripted \(failure)")))
        }
        var replyHeaders = HTTPHeaders((response.headers ?? [:]).sorted { $0.key < $1.key })
        var bytes = Array((response.body ?? "").utf8)
        if let json = response.json {
            bytes = json.encoded
            if !replyHeaders.contains("Content-Type") {
                replyHeaders.add(name: "Content-Type", value: "application/json; charset=utf-8")
            }
        }
        let reply = HTTPResponse(status: response.status ?? 200, headers: replyHeaders, body: bytes)
        return ScriptedExchange(expected: expected, reply: .response(reply))
    }

    private static func expectation(_ raw: AdapterFixture.Expect, source: String) throws(FixtureError) -> Expectation {
        switch (raw.result, raw.error, raw.configError) {
        case (let result?, nil, nil):
            guard let state = MessageState(rawValue: result.state) else {
                throw FixtureError("\(source): unknown state '\(result.state)'")
            }
            return .result(state: state, gatewayRef: result.gatewayRef, segments: result.segments, detail: result.detail)
        case (nil, let failure?, nil):
            guard let kind = AdapterHarness.kind(named: failure.kind) else {
                throw FixtureError("\(source): unknown error kind '\(failure.kind)'")
            }
            return .error(
                kind: kind, code: failure.code, retryAfterSeconds: failure.retryAfterSeconds,
                messageContains: failure.messageContains ?? [])
        case (nil, nil, let text?):
            return .configError(text)
        default:
            throw FixtureError("\(source): expect needs exactly one of result, error, config_error")
        }
    }
}

/// A fixture file that cannot be read or a case that does not make sense.
public struct FixtureError: Error, Sendable, CustomStringConvertible {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}
