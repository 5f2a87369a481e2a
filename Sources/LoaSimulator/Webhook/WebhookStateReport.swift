import LoaHTTP

/// The state callback the generic webhook receiver POSTs: `{"id", "key", "status", "error",
/// "timestamp"}` with `status` `accepted`, `delivered` or `failed`.
struct WebhookStateReport: Sendable {
    /// A message state as the receiver names it.
    enum Status: String, Sendable {
        case accepted, delivered, failed
    }

    let callbackURL: String
    /// The receiver's id, `wh-<n>`.
    let id: String
    /// The sender's idempotency key.
    let key: String

    /// The POST reporting `status`, time-stamped now.
    func request(_ status: Status) -> HTTPRequest {
        var json = JSONWriter()
        json.add("id", id)
        json.add("key", key)
        json.add("status", status.rawValue)
        if status == .failed { json.add("error", "handset unreachable") }
        json.add("timestamp", SimulatorEngine.isoNow())
        return HTTPRequest(
            method: .post, url: callbackURL, headers: ["Content-Type": "application/json"], body: json.finished)
    }

    /// Builds the POST for `status` each time the scheduler sends it.
    func sender(_ status: Status) -> DeliveryPlan.Report {
        { request(status) }
    }
}
