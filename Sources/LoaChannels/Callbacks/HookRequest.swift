import Foundation

/// A request a gateway made to one of Loa's hook URLs (`/hooks/{channel}/{hook-secret}/{event}`),
/// exactly as the server received it. The hook secret in the path has already been checked.
public struct HookRequest: Sendable, Equatable {
    /// Which hook URL was called: `status` for delivery reports, `inbound` for replies (SPEC §5).
    public enum Event: String, Sendable, Equatable, CaseIterable {
        case status, inbound
    }

    public var event: Event
    /// `GET` or `POST`.
    public var method: String
    /// The full URL as the gateway called it, from `public_url` (Twilio signs this exact text).
    public var url: String
    /// Query parameters in the order received, percent-decoded.
    public var query: [(name: String, value: String)]
    /// Header names in lower case.
    public var headers: [String: String]
    /// The raw body bytes, before any decoding (Zalo signs these exact bytes).
    public var body: [UInt8]
    /// When the server received it; signature freshness is measured against this.
    public var receivedAt: Date

    public init(
        event: Event, method: String, url: String, query: [(name: String, value: String)] = [],
        headers: [String: String] = [:], body: [UInt8] = [], receivedAt: Date
    ) {
        self.event = event
        self.method = method.uppercased()
        self.url = url
        self.query = query
        self.headers = Dictionary(headers.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { $1 })
        self.body = body
        self.receivedAt = receivedAt
    }

    /// A header by case-insensitive name.
    public func header(_ name: String) -> String? { headers[name.lowercased()] }

    /// The first query parameter with this name.
    public func queryValue(_ name: String) -> String? { query.first { $0.name == name }?.value }

    /// The body read as `application/x-www-form-urlencoded`, in order.
    public var form: [(name: String, value: String)] { FormEncoding.decode(body) }

    /// The first form field with this name.
    public func formValue(_ name: String) -> String? { form.first { $0.name == name }?.value }

    public static func == (lhs: HookRequest, rhs: HookRequest) -> Bool {
        lhs.event == rhs.event && lhs.method == rhs.method && lhs.url == rhs.url
            && lhs.query.map { [$0.name, $0.value] } == rhs.query.map { [$0.name, $0.value] }
            && lhs.headers == rhs.headers && lhs.body == rhs.body && lhs.receivedAt == rhs.receivedAt
    }
}
