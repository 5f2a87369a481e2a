/// What the simulator has seen and done since it was created or last reset; also served as JSON
/// at `GET /_sim/stats`.
public struct SimulatorStats: Sendable, Hashable, Codable {
    /// Per-dialect figures, keyed by the dialect's kind name (`zalo-zns`, `esms`, `webhook`).
    public var dialects: [String: DialectStats]
    /// Callbacks and link visits scheduled but not yet finished.
    public var pendingEvents: Int
    /// Distinct resident links opened by a simulated resident (a resident reached on two channels
    /// opens one link, perhaps twice).
    public var residentsOpened: Int
    /// Distinct resident links confirmed.
    public var residentsAcknowledged: Int
    /// Distinct resident links opened or confirmed: the residents the simulated people reached.
    public var residentsReached: Int
    /// ``residentsOpened`` split by the app they read their link in, keyed by ``ResidentApp`` raw
    /// value (`zalo`, `facebook`, `browser`).
    public var residentsOpenedByApp: [String: Int]

    /// Creates stats.
    public init(
        dialects: [String: DialectStats] = [:], pendingEvents: Int = 0, residentsOpened: Int = 0,
        residentsAcknowledged: Int = 0, residentsReached: Int = 0, residentsOpenedByApp: [String: Int] = [:]
    ) {
        self.dialects = dialects
        self.pendingEvents = pendingEvents
        self.residentsOpened = residentsOpened
        self.residentsAcknowledged = residentsAcknowledged
        self.residentsReached = residentsReached
        self.residentsOpenedByApp = residentsOpenedByApp
    }

    /// Residents who opened their link in `app`.
    public func residentsOpened(in app: ResidentApp) -> Int {
        residentsOpenedByApp[app.rawValue] ?? 0
    }

    /// The figures of one dialect (all zero if it saw nothing).
    public subscript(dialect: GatewayDialect) -> DialectStats {
        get { dialects[dialect.rawValue] ?? DialectStats() }
        set { dialects[dialect.rawValue] = newValue }
    }

    /// Send requests received over all dialects.
    public var totalSends: Int { dialects.values.reduce(0) { $0 + $1.sends } }

    /// Link-preview fetches over all dialects (none of them a person opening a link).
    public var previewFetches: Int { dialects.values.reduce(0) { $0 + $1.previewFetches } }

    enum CodingKeys: String, CodingKey {
        case dialects
        case pendingEvents = "pending_events"
        case residentsOpened = "residents_opened"
        case residentsAcknowledged = "residents_acknowledged"
        case residentsReached = "residents_reached"
        case residentsOpenedByApp = "residents_opened_by_app"
    }
}

/// The figures of one dialect.
public struct DialectStats: Sendable, Hashable, Codable {
    /// Send requests received, whatever their fate.
    public var sends = 0
    /// Sends accepted (ZNS `error 0`, eSMS `CodeResult 100`, webhook 200).
    public var accepted = 0
    /// Sends refused by the gateway's own rules, keyed by its error code (`"-118"`, `"124"`, `"400"`).
    public var rejected: [String: Int] = [:]
    /// Sends answered 429 by the throttle knob.
    public var throttled = 0
    /// Sends answered 5xx by the server-error knob.
    public var serverErrors = 0
    /// Sends held unanswered by the timeout knob.
    public var timedOut = 0
    /// Delivery callbacks the receiver answered with 2xx (duplicates and early states included).
    public var callbacksSent = 0
    /// Callbacks given up on after every try failed.
    public var callbacksFailed = 0
    /// Messages reported delivered.
    public var delivered = 0
    /// Messages reported not delivered.
    public var undelivered = 0
    /// Resident visits whose page and its same-origin stylesheets and images were all answered
    /// below 400.
    public var opens = 0
    /// Confirmations (the page form's POST) answered below 400.
    public var acks = 0
    /// Resident visits (a page, one of its resources, or a confirmation) that failed on every try.
    public var linkFailures = 0
    /// Link-preview fetchers' GETs answered below 400; never counted as opens.
    public var previewFetches = 0
    /// Every idempotency key seen (ZNS `tracking_id`, eSMS `RequestId`, webhook `id`) and how
    /// many times it arrived, faults included.
    public var keys: [String: Int] = [:]

    /// Creates zeroed figures.
    public init() {}

    /// Sends refused with `code`.
    public func rejected(_ code: Int) -> Int { rejected[String(code)] ?? 0 }

    /// Keys that arrived more than once (re-sends).
    public var resentKeys: [String: Int] { keys.filter { $0.value > 1 } }

    enum CodingKeys: String, CodingKey {
        case sends, accepted, rejected, throttled, delivered, undelivered, opens, acks, keys
        case serverErrors = "server_errors"
        case timedOut = "timed_out"
        case callbacksSent = "callbacks_sent"
        case callbacksFailed = "callbacks_failed"
        case linkFailures = "link_failures"
        case previewFetches = "preview_fetches"
    }
}
