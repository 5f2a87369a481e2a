/// One gateway's send endpoint: how to read a request, which field is the sender's idempotency
/// key, and how the gateway answers and follows up.
protocol SendDialect: Sendable {
    /// A request after reading, before validation.
    associatedtype Send: Sendable

    /// Which dialect this is.
    static var dialect: GatewayDialect { get }

    /// Reads the body (and headers, through `header`); a reply when it cannot be read at all.
    func read(_ body: [UInt8], header: (String) -> String?) -> Reading<Send>

    /// The sender's idempotency key, if the request carries one.
    func key(of send: Send) -> String?

    /// Validates and answers `send`, handing follow-ups to `engine`.
    func process(_ send: Send, engine: SimulatorEngine) -> GatewayReply

    /// The gateway's answer to a request refused before reading, such as a body over the limit.
    func refusal(status: Int, reason: String) -> GatewayReply

    /// The headers and JSON body of the throttle knob's 429, told to wait `seconds`.
    func throttled(seconds: Int) -> (headers: [String: String], body: [UInt8]?)
}

extension SendDialect {
    /// `Retry-After` and the simulator's own fault body: what most gateways send with a 429.
    func throttled(seconds: Int) -> (headers: [String: String], body: [UInt8]?) {
        (["Retry-After": String(seconds)], nil)
    }
}

/// What reading a send's request gave.
enum Reading<Send: Sendable>: Sendable {
    /// The request, ready for validation.
    case read(Send)
    /// The gateway's answer to a request it could not read.
    case refused(GatewayReply)
}

/// A gateway's answer to a send, before it becomes an HTTP response.
struct GatewayReply: Sendable {
    /// How the answer counts in the statistics.
    enum Outcome: Sendable, Equatable {
        case accepted
        case rejected(code: Int)
    }

    /// The HTTP status.
    var status: Int
    /// The JSON body.
    var body: [UInt8]
    /// How the answer counts.
    var outcome: Outcome

    /// A JSON answer with HTTP `status`.
    init(status: Int = 200, json: JSONWriter, outcome: Outcome) {
        self.status = status
        self.body = json.finished
        self.outcome = outcome
    }
}
