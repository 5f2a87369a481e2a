/// The generic webhook receiver: `POST /webhook/{anything}` with a JSON body carrying `id`.
struct WebhookDialect: SendDialect {
    static let dialect = GatewayDialect.webhook

    func read(_ body: [UInt8], header: (String) -> String?) -> Reading<WebhookSend> {
        guard let send = WebhookSend(body: body, idempotencyHeader: header("Idempotency-Key")) else {
            return .refused(Self.refused(status: 400, reason: "body is not a JSON object"))
        }
        return .read(send)
    }

    func key(of send: WebhookSend) -> String? {
        send.key
    }

    func process(_ send: WebhookSend, engine: SimulatorEngine) -> GatewayReply {
        guard let key = send.key else { return Self.refused(status: 400, reason: "missing id") }
        let id = "wh-\(engine.state.nextSequence())"
        let delivered = engine.isDelivered(key)
        let report = engine.options.webhook.callbackURL.map {
            WebhookStateReport(callbackURL: $0, id: id, key: key)
        }
        engine.dispatch(DeliveryPlan(
            dialect: Self.dialect, subject: key, delivered: delivered,
            finalReport: report?.sender(delivered ? .delivered : .failed),
            earlierReport: report?.sender(.accepted),
            link: send.link))

        var json = JSONWriter()
        json.add("id", id)
        json.add("status", "accepted")
        return GatewayReply(json: json, outcome: .accepted)
    }

    func refusal(status: Int, reason: String) -> GatewayReply {
        Self.refused(status: status, reason: reason)
    }

    private static func refused(status: Int, reason: String) -> GatewayReply {
        var json = JSONWriter()
        json.add("status", "rejected")
        json.add("error", reason)
        return GatewayReply(status: status, json: json, outcome: .rejected(code: status))
    }
}

/// A generic webhook send: a JSON object with at least `id`, the sender's idempotency key.
struct WebhookSend: Sendable {
    /// `id`, or the `Idempotency-Key` header when the body has none.
    var key: String?
    /// `link`, the resident link, when it is an http(s) URL.
    var link: String?

    /// Reads a body that must be one JSON object.
    init?(body: [UInt8], idempotencyHeader: String?) {
        guard let object = JSONValue.parse(body), object.members != nil else { return nil }
        key = object["id"]?.scalarText.flatMap { $0.isEmpty ? nil : $0 } ?? idempotencyHeader
        link = object["link"]?.scalarText.flatMap { DeliveryPlan.isLink($0) ? $0 : nil }
    }
}
