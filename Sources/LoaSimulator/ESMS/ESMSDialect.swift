/// eSMS brandname SMS: `POST /MainService.svc/json/SendMultipleMessage_V4_post_json/` (gateways.md §4).
struct ESMSDialect: SendDialect {
    static let dialect = GatewayDialect.esms
    /// Where the dialect listens.
    static let path = "/MainService.svc/json/SendMultipleMessage_V4_post_json"

    func read(_ body: [UInt8], header: (String) -> String?) -> Reading<ESMSSend> {
        guard let send = ESMSSend(body: body) else {
            return .refused(Self.malformed(status: 400, reason: "body is not a JSON object"))
        }
        return .read(send)
    }

    func key(of send: ESMSSend) -> String? {
        send.requestID
    }

    func process(_ send: ESMSSend, engine: SimulatorEngine) -> GatewayReply {
        let account = engine.options.esms
        guard send.apiKey == account.apiKey, send.secretKey == account.secretKey else {
            return ESMSCode.authorizeFailed.reply()
        }
        guard let phoneText = send.phone else { return ESMSCode.invalidPhone.reply() }
        let phone: GatewayPhone
        do {
            phone = try GatewayPhone(phoneText)
        } catch {
            return (error == .notMobile ? ESMSCode.blockedNumber : .invalidPhone).reply()
        }
        guard let brandname = send.brandname, account.brandnames?.contains(brandname) ?? true else {
            return ESMSCode.brandnameNotFound.reply()
        }
        guard let content = send.content else { return ESMSCode.templateMismatch.reply() }
        // A RequestId is refused for the rest of the (Vietnamese) day (gateways.md §4.1, §11.1).
        if let requestID = send.requestID,
            !engine.state.claimESMSRequestID(requestID, day: SimulatorEngine.vietnamDay())
        {
            return ESMSCode.duplicateRequestID.reply()
        }

        let sequence = engine.state.nextSequence()
        let smsID = Self.smsID(engine.dice.scramble(sequence), engine.dice.hash(.messageID, String(sequence)))
        if !send.sandbox {
            let subject = send.requestID ?? smsID
            let delivered = engine.isDelivered(subject)
            let report = send.callbackURL.map {
                ESMSDeliveryReport(
                    callbackURL: $0, smsID: smsID, requestID: send.requestID, phone: phoneText,
                    telcoID: phone.esmsTelcoID, typeID: send.typeID)
            }
            engine.dispatch(DeliveryPlan(
                dialect: Self.dialect, subject: subject, delivered: delivered,
                finalReport: report?.sender(stage: .finished, delivered: delivered),
                earlierReport: report?.sender(stage: .awaitingReport, delivered: delivered),
                link: DeliveryPlan.firstLink(in: content)))
        }

        var json = JSONWriter()
        json.add("CodeResult", String(ESMSCode.accepted.rawValue))
        json.add("CountRegenerate", 0)
        json.add("SMSID", smsID)
        return GatewayReply(json: json, outcome: .accepted)
    }

    func refusal(status: Int, reason: String) -> GatewayReply {
        Self.malformed(status: status, reason: reason)
    }

    /// eSMS's envelope for a request it cannot read; the simulator reports the HTTP status as the code.
    private static func malformed(status: Int, reason: String) -> GatewayReply {
        var json = JSONWriter()
        json.add("CodeResult", String(status))
        json.add("CountRegenerate", 0)
        json.add("ErrorMessage", reason)
        return GatewayReply(status: status, json: json, outcome: .rejected(code: status))
    }

    /// A GUID-shaped id; the first 64 bits are unique per sequence number.
    static func smsID(_ unique: UInt64, _ noise: UInt64) -> String {
        let digits = Array((hex(unique) + hex(noise)).utf8)
        let groups = [0..<8, 8..<12, 12..<16, 16..<20, 20..<32]
        return groups.map { String(decoding: digits[$0], as: UTF8.self) }.joined(separator: "-")
    }

    private static func hex(_ value: UInt64) -> String {
        let text = String(value, radix: 16)
        return String(repeating: "0", count: 16 - text.count) + text
    }
}

/// An eSMS brandname send as read from `SendMultipleMessage_V4_post_json` (gateways.md §4.1).
struct ESMSSend: Sendable {
    var apiKey: String?
    var secretKey: String?
    /// `Phone`, as sent (eSMS's examples use the domestic `09…` form).
    var phone: String?
    var content: String?
    var brandname: String?
    /// `SmsType`: `"2"` customer care, `"1"` advertising.
    var smsType: String?
    /// `IsUnicode`: `"1"` accented text (UCS-2), else unaccented.
    var isUnicode: Bool
    /// `RequestId`, the sender's idempotency key, refused when repeated on the same day.
    var requestID: String?
    var callbackURL: String?
    /// `Sandbox` `"1"`: checked and answered, never delivered.
    var sandbox: Bool

    /// Reads a body that must be one JSON object; values may be strings or numbers.
    init?(body: [UInt8]) {
        guard let object = JSONValue.parse(body), object.members != nil else { return nil }
        func text(_ name: String) -> String? {
            object[name]?.scalarText.flatMap { $0.isEmpty ? nil : $0 }
        }
        apiKey = text("ApiKey")
        secretKey = text("SecretKey")
        phone = text("Phone")
        content = text("Content")
        brandname = text("Brandname")
        smsType = text("SmsType")
        isUnicode = text("IsUnicode") == "1"
        requestID = text("RequestId")
        callbackURL = text("CallbackUrl")
        sandbox = text("Sandbox") == "1"
    }

    /// The callback's `TypeId`: 1 advertising, 2 customer care (gateways.md §4.3).
    var typeID: Int {
        smsType == "1" ? 1 : 2
    }
}
