/// Zalo ZNS by phone: `POST /message/template` (gateways.md §1.1–1.3).
struct ZNSDialect: SendDialect {
    static let dialect = GatewayDialect.zaloZNS
    /// Where the dialect listens.
    static let path = "/message/template"

    func read(_ body: [UInt8], header: (String) -> String?) -> Reading<ZNSSend> {
        guard let send = ZNSSend(body: body, accessToken: header("access_token")) else {
            return .refused(ZNSCode.invalidParameter.reply(status: 400, detail: "body is not a JSON object"))
        }
        return .read(send)
    }

    func key(of send: ZNSSend) -> String? {
        send.trackingID
    }

    func process(_ send: ZNSSend, engine: SimulatorEngine) -> GatewayReply {
        let account = engine.options.zalo
        guard send.accessToken == account.accessToken else { return ZNSCode.invalidAccessToken.reply() }
        guard let text = send.phone, let phone = try? GatewayPhone(text) else { return ZNSCode.invalidPhone.reply() }
        guard let templateID = send.templateID, !templateID.isEmpty,
            account.templateIDs?.contains(templateID) ?? true
        else { return ZNSCode.invalidTemplate.reply() }
        let values: [String: String]
        switch send.templateValues() {
        case .success(let found): values = found
        case .failure(let code): return code.reply()
        }
        let spec = account.templates[templateID]
        if let code = spec?.refusal(values) { return code.reply() }
        guard engine.options.residentHasZalo(international: phone.international) else {
            return ZNSCode.noZaloAccount.reply()
        }
        guard let remaining = engine.state.takeZNSQuota(day: SimulatorEngine.vietnamDay(), quota: account.dailyQuota)
        else { return ZNSCode.dailyQuotaReached.reply() }

        let sequence = engine.state.nextSequence()
        let messageID = Self.messageID(engine.dice.scramble(sequence), sequence)
        let sentTime = SimulatorEngine.epochMilliseconds()
        let subject = send.trackingID ?? messageID
        let delivered = engine.isDelivered(subject)
        let delay = engine.dice.duration(in: engine.options.callbackDelay, .callbackDelay, subject)
        // ZNS has no failure event (gateways.md §1.3): an undelivered message is never called back.
        let event = account.callbackURL.flatMap { url in
            delivered
                ? ZNSDeliveryEvent(
                    account: account, callbackURL: url, phone: phone.international, messageID: messageID,
                    trackingID: send.trackingID, deliveryTime: sentTime + delay.milliseconds)
                : nil
        }
        // A registered button takes only the token in its path (gateways.md §13): the resident's
        // app opens the registered URL with it filled in.
        let link = spec?.button(with: values)
            ?? values.sorted { $0.key < $1.key }.first { DeliveryPlan.isLink($0.value) }?.value
        engine.dispatch(DeliveryPlan(
            dialect: Self.dialect, subject: subject, delivered: delivered,
            finalReport: event?.sender, earlierReport: nil, link: link))

        var json = JSONWriter()
        json.add("error", 0)
        json.add("message", ZNSCode.success.message)
        json.add("data") { data in
            data.add("msg_id", messageID)
            data.add("sent_time", String(sentTime))
            data.add("sending_mode", "1")
            // Quota figures are strings in the send reply (gateways.md §1.2).
            data.add("quota") { quota in
                quota.add("dailyQuota", String(account.dailyQuota))
                quota.add("remainingQuota", String(remaining))
            }
        }
        return GatewayReply(json: json, outcome: .accepted)
    }

    func refusal(status: Int, reason: String) -> GatewayReply {
        ZNSCode.invalidParameter.reply(status: status, detail: reason)
    }

    /// A 20-hex-digit id like Zalo's: 16 digits that look random, then the low 16 bits of the sequence.
    static func messageID(_ scrambled: UInt64, _ sequence: Int) -> String {
        hex(scrambled, digits: 16) + hex(UInt64(sequence & 0xFFFF), digits: 4)
    }

    private static func hex(_ value: UInt64, digits: Int) -> String {
        let text = String(value, radix: 16)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}

/// A ZNS template send as read from `POST /message/template` (gateways.md §1.1).
struct ZNSSend: Sendable {
    /// The `access_token` header.
    var accessToken: String?
    /// `phone`, as sent.
    var phone: String?
    /// `template_id`.
    var templateID: String?
    /// `template_data`: nil when absent, and non-object values kept as such to be refused.
    var templateData: JSONValue?
    /// `tracking_id`, the sender's idempotency key.
    var trackingID: String?

    /// Reads a body that must be one JSON object.
    init?(body: [UInt8], accessToken: String?) {
        guard let object = JSONValue.parse(body), object.members != nil else { return nil }
        self.accessToken = accessToken
        phone = object["phone"]?.scalarText
        templateID = object["template_id"]?.scalarText
        templateData = object["template_data"]
        trackingID = object["tracking_id"]?.scalarText.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The template parameters as text, or the code refusing them.
    func templateValues() -> Result<[String: String], ZNSCode> {
        guard let templateData, templateData != .null else { return .failure(.missingParameter) }
        guard let members = templateData.members else { return .failure(.badValueFormat) }
        guard !members.isEmpty else { return .failure(.emptyTemplateData) }
        var values: [String: String] = [:]
        for (name, value) in members {
            guard let text = value.scalarText else { return .failure(.badValueFormat) }
            // The longest parameter type (a body paragraph) takes 400 characters (gateways.md §1.4).
            guard text.count <= 400 else { return .failure(.valueTooLong) }
            values[name] = text
        }
        return .success(values)
    }
}
