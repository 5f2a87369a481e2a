/// Zalo OA messages to followers (gateways.md §3.1–3.2, §1.6, §13): consultation texts at
/// `POST /v3.0/oa/message/cs`, only to followers who wrote within 7 days (else `-230`), and
/// templates by user id at `POST /v3.0/oa/message/template`, to any follower.
struct OADialect: SendDialect {
    static let dialect = GatewayDialect.zaloOA
    /// Where consultation texts are sent.
    static let path = "/v3.0/oa/message/cs"
    /// Where templates by user id are sent.
    static let templatePath = "/v3.0/oa/message/template"
    /// §3.1: the text limit.
    static let textLimit = 2000

    let tokens: ZaloTokenIssuer
    /// Whether this endpoint takes templates rather than consultation texts.
    var template = false

    func read(_ body: [UInt8], header: (String) -> String?) -> Reading<OASend> {
        guard let object = JSONValue.parse(body), object.members != nil else {
            return .refused(OACode.invalidParameter.reply(status: 400, detail: "body is not a JSON object"))
        }
        guard template else {
            return .read(OASend(
                accessToken: header("access_token"), userID: object["recipient"]?["user_id"]?.scalarText,
                text: object["message"]?["text"]?.scalarText))
        }
        // A template's text is its data's values; an empty or missing template_id or data is refused.
        let data = object["template_data"]?.members ?? [:]
        let values = data.keys.sorted().compactMap { data[$0]?.scalarText }
        let id = object["template_id"]?.scalarText ?? ""
        return .read(OASend(
            accessToken: header("access_token"),
            userID: object["recipient"]?["user_id"]?.scalarText ?? object["user_id"]?.scalarText,
            text: id.isEmpty || values.isEmpty ? nil : values.joined(separator: "\n")))
    }

    /// UID messages carry no idempotency key (gateways.md §11.1).
    func key(of send: OASend) -> String? { nil }

    func process(_ send: OASend, engine: SimulatorEngine) -> GatewayReply {
        let account = engine.options.zaloOA
        guard tokens.accepts(send.accessToken) else { return OACode.invalidAccessToken.reply() }
        guard let userID = send.userID, !userID.isEmpty else {
            return OACode.invalidParameter.reply(detail: "recipient.user_id is missing")
        }
        guard let text = send.text, !text.isEmpty, text.unicodeScalars.count <= Self.textLimit else {
            return OACode.invalidParameter.reply(
                detail: template ? "template_id or template_data is missing" : "message.text is empty or over \(Self.textLimit) characters")
        }
        guard Dice.stableUnit("oa-follower:" + userID) >= account.nonFollowerShare else {
            return OACode.notFollower.reply()
        }
        // §3.1: a consultation text reaches only a follower who wrote within the last 7 days.
        if !template, Dice.stableUnit("oa-wrote:" + userID) >= account.recentInteractionShare {
            return OACode.noRecentInteraction.reply()
        }
        let sequence = engine.state.nextSequence()
        let messageID = ZNSDialect.messageID(engine.dice.scramble(sequence), sequence)
            + String(engine.dice.hash(.messageID, userID) & 0xFFFF_FFFF, radix: 16)
        let delivered = engine.isDelivered(messageID)
        func event(_ kind: OAEvent.Kind) -> OAEvent? {
            guard delivered, let url = account.callbackURL else { return nil }
            return OAEvent(kind: kind, account: account, callbackURL: url, userID: userID, messageID: messageID)
        }
        var report: DeliveryPlan.Report?
        if let received = event(.received) { report = { received.request() } }
        engine.dispatch(DeliveryPlan(
            dialect: Self.dialect, subject: messageID, delivered: delivered, finalReport: report,
            earlierReport: nil, link: DeliveryPlan.firstLink(in: text)))
        if let seen = event(.seen), engine.dice.chance(engine.options.openShare, .engagement, messageID) {
            scheduleSeen(seen, engine: engine)
        }

        var json = JSONWriter()
        json.add("data") { data in
            data.add("message_id", messageID)
            data.add("user_id", userID)
        }
        json.add("error", 0)
        json.add("message", OACode.success.message)
        return GatewayReply(json: json, outcome: .accepted)
    }

    func refusal(status: Int, reason: String) -> GatewayReply {
        OACode.invalidParameter.reply(status: status, detail: reason)
    }

    /// The resident opens the chat after the receipt: `user_seen_message` follows it.
    private func scheduleSeen(_ seen: OAEvent, engine: SimulatorEngine) {
        let options = engine.options
        let wait = engine.dice.duration(in: options.callbackDelay, .callbackDelay, seen.messageID)
            + engine.dice.duration(in: options.openDelay, .openDelay, seen.messageID) + .milliseconds(50)
        let generation = engine.state.generation
        engine.scheduler.schedule {
            guard await EventScheduler.pause(wait), engine.state.generation == generation else { return }
            switch await engine.courier.call({ seen.request() }) {
            case .delivered: engine.state.add(\.callbacksSent, Self.dialect)
            case .failed: engine.state.add(\.callbacksFailed, Self.dialect)
            case .abandoned: break
            }
        }
    }
}

/// An OA text send as read from `POST /v3.0/oa/message/cs` (gateways.md §3.1).
struct OASend: Sendable {
    /// The `access_token` header.
    var accessToken: String?
    /// `recipient.user_id`, as sent.
    var userID: String?
    /// `message.text`.
    var text: String?
}
