import Hummingbird

/// Kannel's smsbox: `GET /cgi-bin/sendsms?username=…&password=…&to=…&text=…&dlr-mask=…&dlr-url=…`,
/// answered in plain text, with delivery reports to the `dlr-url` (gateways.md §8).
///
/// Kannel takes no idempotency key (§11.1): a repeated submit is a second SMS. Reports follow
/// the simulator's plan: the final one (DLR 1 or 2); when out of order, DLR 8 after it, as real
/// Kannel often sends DLR 1 before DLR 8 (NOTES.md).
struct KannelDialect: SendDialect {
    static let dialect = GatewayDialect.kannel
    /// Where the dialect listens.
    static let path = "/cgi-bin/sendsms"
    /// The account until `SimulatorOptions` carries one.
    static let account = KannelAccount()

    /// The request's query string (smsbox reads GET parameters, not a body).
    let query: String

    /// Answers a sendsms GET through `pipeline`, in Kannel's `text/html` plain replies.
    static func respond(to request: Request, pipeline: SendPipeline) async -> Response {
        var response = await pipeline.respond(to: request, with: KannelDialect(query: request.uri.query ?? ""))
        // The pipeline labels every answer JSON; smsbox's own answers (202, 400, 403, 413) are one
        // line of text (§8). Fault answers from the HTTP layer in front (429, 5xx) stay JSON.
        if [202, 400, 403, 413].contains(response.status.code) {
            response.headers[.contentType] = "text/html"
        }
        return response
    }

    func read(_ body: [UInt8], header: (String) -> String?) -> Reading<KannelQuery> {
        .read(KannelQuery(query))
    }

    func key(of send: KannelQuery) -> String? { nil }

    func process(_ send: KannelQuery, engine: SimulatorEngine) -> GatewayReply {
        let account = Self.account
        guard send["username", "user"] == account.username, send["password", "pass"] == account.password else {
            return Self.reply(403, "Authorization failed for sendsms", outcome: .rejected(code: 403))
        }
        // smsbox checks the credentials first, then the receiver (KAN `gw/smsbox.c`): a request with
        // good credentials and no `to` is how `loa channels check` proves them without sending.
        guard let receiver = send["to"] else {
            return Self.reply(400, "Missing receiver number, rejected", outcome: .rejected(code: 400))
        }
        guard !receiver.isEmpty else {
            return Self.reply(400, "Empty receiver number not allowed, rejected", outcome: .rejected(code: 400))
        }
        let mask = Int(send["dlr-mask"] ?? "") ?? 0
        let dlrURL = send["dlr-url"].flatMap { $0.isEmpty ? nil : $0 }
        let report = dlrURL.map {
            KannelDeliveryReport(
                dlrURL: $0, sender: send["from"] ?? "", receiver: receiver, username: account.username,
                smscID: account.smscID, coding: Int(send["coding"] ?? "") ?? 0)
        }
        // A number no SMSC route takes (§8, NOTES.md): 403 and, if asked for, DLR 16.
        guard (try? GatewayPhone(receiver)) != nil else {
            if let report, mask & 16 != 0 {
                engine.dispatch(DeliveryPlan(
                    dialect: Self.dialect, subject: "kannel-\(engine.state.nextSequence())", delivered: false,
                    finalReport: report.sender(.smscRejected, reply: "NACK/no SMSC"), earlierReport: nil, link: nil))
            }
            return Self.reply(403, "Not routable. Do not try again.", outcome: .rejected(code: 403))
        }
        let text = send["text"] ?? ""
        let subject = dlrURL ?? "kannel-\(engine.state.nextSequence())"
        let delivered = engine.isDelivered(subject)
        let final: DeliveryPlan.Report? = report.flatMap { report in
            if delivered { return mask & 1 != 0 ? report.sender(.delivered, reply: "") : nil }
            return mask & 2 != 0 ? report.sender(.undelivered, reply: "") : nil
        }
        let earlier = mask & 8 != 0 ? report?.sender(.smscAccepted, reply: "ACK/") : nil
        engine.dispatch(DeliveryPlan(
            dialect: Self.dialect, subject: subject, delivered: delivered, finalReport: final ?? earlier,
            earlierReport: final == nil ? nil : earlier, link: DeliveryPlan.firstLink(in: text)))
        return Self.reply(202, "0: Accepted for delivery", outcome: .accepted)
    }

    func refusal(status: Int, reason: String) -> GatewayReply {
        Self.reply(status, reason, outcome: .rejected(code: status))
    }

    /// One of smsbox's one-line answers (§8).
    static func reply(_ status: Int, _ text: String, outcome: GatewayReply.Outcome) -> GatewayReply {
        var reply = GatewayReply(status: status, json: JSONWriter(), outcome: outcome)
        reply.body = Array(text.utf8)
        return reply
    }
}
