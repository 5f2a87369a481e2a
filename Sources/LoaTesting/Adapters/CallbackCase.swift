import Foundation
import LoaChannels
import LoaConfig
import LoaCore

/// One row of a callback fixture table, ready for ``CallbackHarness/run(_:make:)``.
///
/// Defaults: channel `name` and `kind` = the fixture's folder, event `status`, method `POST`,
/// URL `https://loa.example.gov.vn/hooks/{name}/HOOKSECRET/{event}`, received at
/// 2026-12-01T10:00:00+07:00.
public struct CallbackCase: Sendable, CustomStringConvertible {
    /// What the fixture's `expect` asks for.
    public enum Expectation: Sendable {
        case events([ExpectedEvent])
        case error(CallbackError.Kind, messageContains: [String])
        /// The channel's configuration is refused with a message containing this text.
        case configError(String)
    }

    /// An expected event; `detailContains` is checked only when given.
    public struct ExpectedEvent: Sendable {
        public var event: GatewayEvent
        public var detailContains: String?
        /// The fixture gave no `dedupe_key`: only its presence is checked.
        public var anyDedupeKey: Bool
    }

    public var label: String
    public var source: String
    public var config: [String: JSONValue]
    public var request: HookRequest
    public var expectation: Expectation

    public var description: String { label }

    init(_ fixture: CallbackFixture, kind: String, source: String) throws(FixtureError) {
        label = fixture.label
        self.source = source
        // Rows show the wire format, so template-only kinds take any text unless a row says `free_text: false`.
        let freeText: [String: JSONValue] = ["esms", "speedsms"].contains(kind) ? ["free_text": .bool(true)] : [:]
        config = ["name": .string(kind), "kind": .string(kind)].merging(freeText) { $1 }.merging(fixture.config) { $1 }
        let zone = TimeZone(identifier: "Asia/Ho_Chi_Minh")!
        let receivedAt = try fixture.receivedAt.map { text throws(FixtureError) in
            try AdapterCase.date(text, zone: zone, source: source)
        } ?? AdapterCase.defaultNow
        let raw = fixture.request
        guard let event = HookRequest.Event(rawValue: raw.event ?? "status") else {
            throw FixtureError("\(source): event must be status or inbound")
        }
        let name = config["name"]?.stringValue ?? kind
        var url = raw.url ?? "https://loa.example.gov.vn/hooks/\(name)/HOOKSECRET/\(event.rawValue)"
        var query = try Self.pairs(raw.query, source: source)
        if raw.url != nil, query.isEmpty, let mark = url.firstIndex(of: "?") {
            query = FormEncoding.decode(String(url[url.index(after: mark)...]))
        } else if raw.url == nil, !query.isEmpty {
            url += "?" + FormEncoding.encode(query.map { ($0.name, $0.value) })
        }
        var headers = raw.headers ?? [:]
        var body: [UInt8] = []
        switch (raw.body, raw.json, raw.form) {
        case (nil, nil, nil): break
        case (let text?, nil, nil): body = Array(text.utf8)
        case (nil, let json?, nil):
            body = json.encoded
            if headers.keys.allSatisfy({ $0.lowercased() != "content-type" }) { headers["Content-Type"] = "application/json" }
        case (nil, nil, let form?):
            body = Array(FormEncoding.encode(try Self.pairs(form, source: source).map { ($0.name, $0.value) }).utf8)
            if headers.keys.allSatisfy({ $0.lowercased() != "content-type" }) {
                headers["Content-Type"] = "application/x-www-form-urlencoded"
            }
        default: throw FixtureError("\(source): request takes one of body, json, form")
        }
        request = HookRequest(
            event: event, method: raw.method ?? (body.isEmpty ? "GET" : "POST"), url: url, query: query,
            headers: headers, body: body, receivedAt: receivedAt)
        expectation = try Self.expectation(fixture.expect, zone: zone, source: source)
    }

    private static func pairs(_ raw: [[String]]?, source: String) throws(FixtureError) -> [(name: String, value: String)] {
        try (raw ?? []).map { pair throws(FixtureError) in
            guard pair.count == 2 else { throw FixtureError("\(source): query and form entries are [name, value] pairs") }
            return (pair[0], pair[1])
        }
    }

    private static func expectation(
        _ raw: CallbackFixture.Expect, zone: TimeZone, source: String
    ) throws(FixtureError) -> Expectation {
        switch (raw.events, raw.error) {
        case (nil, nil) where raw.configError != nil:
            return .configError(raw.configError ?? "")
        case (nil, let name?) where raw.configError == nil:
            let kinds: [String: CallbackError.Kind] = [
                "unauthorized": .unauthorized, "malformed": .malformed, "unsupported": .unsupported,
            ]
            guard let kind = kinds[name] else { throw FixtureError("\(source): unknown callback error '\(name)'") }
            return .error(kind, messageContains: raw.messageContains ?? [])
        case (let events?, nil) where raw.configError == nil:
            return .events(try events.map { event throws(FixtureError) in try expected(event, zone: zone, source: source) })
        default:
            throw FixtureError("\(source): expect needs exactly one of events, error, config_error")
        }
    }

    private static func expected(
        _ raw: CallbackFixture.Event, zone: TimeZone, source: String
    ) throws(FixtureError) -> ExpectedEvent {
        var subject: GatewayEvent.Subject?
        switch (raw.key, raw.gatewayRef) {
        case (let key?, nil): subject = .key(key)
        case (nil, let ref?): subject = .gatewayRef(ref, phone: raw.phone)
        case (nil, nil): subject = nil
        default: throw FixtureError("\(source): an event names key or gateway_ref, not both")
        }
        let change: GatewayEvent.Change
        switch (raw.state, raw.replyFrom, raw.replyText) {
        case (let name?, nil, nil):
            guard let state = MessageState(rawValue: name) else { throw FixtureError("\(source): unknown state '\(name)'") }
            change = .state(state)
        case (nil, let from?, let text?): change = .reply(from: from, text: text)
        default: throw FixtureError("\(source): an event has a state, or reply_from and reply_text")
        }
        let occurredAt = try raw.occurredAt.map { text throws(FixtureError) in
            try AdapterCase.date(text, zone: zone, source: source)
        }
        let event = GatewayEvent(subject: subject, change: change, occurredAt: occurredAt, dedupeKey: raw.dedupeKey ?? "")
        return ExpectedEvent(event: event, detailContains: raw.detailContains, anyDedupeKey: raw.dedupeKey == nil)
    }

    /// The channel configuration, parsed as `loa.toml` would be.
    public func channelConfig() throws(ConfigError) -> ChannelConfig {
        try AdapterCase.channelConfig(config, source: source)
    }
}
