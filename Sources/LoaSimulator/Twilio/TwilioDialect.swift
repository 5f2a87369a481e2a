import Foundation

/// Twilio Programmable Messaging: `POST /2010-04-01/Accounts/{AccountSid}/Messages.json`,
/// form-encoded, HTTP Basic (gateways.md §9).
struct TwilioDialect: SendDialect {
    static let dialect = GatewayDialect.twilio
    /// Where the dialect listens; `{sid}` is the account SID.
    static let path = "/2010-04-01/Accounts/{sid}/Messages.json"

    /// The account SID from the request path.
    let pathAccountSID: String

    func read(_ body: [UInt8], header: (String) -> String?) -> Reading<TwilioSend> {
        .read(TwilioSend(form: body, pathAccountSID: pathAccountSID, authorization: header("Authorization")))
    }

    /// Twilio takes no idempotency key (gateways.md §11.1).
    func key(of send: TwilioSend) -> String? { nil }

    func process(_ send: TwilioSend, engine: SimulatorEngine) -> GatewayReply {
        let account = engine.options.twilio
        guard let credentials = send.credentials, credentials.user == account.accountSID,
            credentials.password == account.authToken, send.pathAccountSID == account.accountSID
        else { return TwilioError.authenticate.reply() }
        // §9: `To` is E.164; the simulated carriers reach Vietnamese mobiles only.
        guard let to = send.to, to.hasPrefix("+") else { return TwilioError.invalidTo.reply() }
        do {
            _ = try GatewayPhone(to)
        } catch {
            return (error == .notMobile ? TwilioError.notMobile : .invalidTo).reply()
        }
        guard send.from != nil || send.messagingServiceSID != nil else { return TwilioError.senderRequired.reply() }
        if let from = send.from, let senders = account.senders, !senders.contains(from) {
            return TwilioError.senderNotOwned.reply()
        }
        guard let text = send.body, !text.isEmpty else { return TwilioError.bodyRequired.reply() }
        // §9: Body ≤ 1600 characters.
        guard text.count <= 1600 else { return TwilioError.bodyTooLong.reply() }

        let sequence = engine.state.nextSequence()
        let sid = Self.messageSID(engine.dice.scramble(sequence), engine.dice.hash(.messageID, String(sequence)))
        let delivered = engine.isDelivered(sid)
        let callback = send.statusCallback.map {
            TwilioStatusCallback(
                account: account, callbackURL: $0, messageSID: sid, to: to, from: send.from,
                messagingServiceSID: send.messagingServiceSID)
        }
        // §9: no callback for the initial status; `sent` is the earlier state, then the outcome.
        engine.dispatch(DeliveryPlan(
            dialect: Self.dialect, subject: sid, delivered: delivered,
            finalReport: callback?.sender(
                status: delivered ? "delivered" : "undelivered", errorCode: delivered ? nil : "30003"),
            earlierReport: callback?.sender(status: "sent"),
            link: DeliveryPlan.firstLink(in: text)))
        // With a Messaging Service the first status is `accepted`, else `queued` (§9, §11.2).
        let status = send.from == nil ? "accepted" : "queued"
        var reply = GatewayReply(status: 201, json: JSONWriter(), outcome: .accepted)
        reply.body = TwilioMessageResource.body(send, sid: sid, status: status, segments: SMSParts.count(text))
        return reply
    }

    func refusal(status: Int, reason: String) -> GatewayReply {
        var json = JSONWriter()
        json.add("code", status)
        json.add("message", reason)
        json.add("status", status)
        return GatewayReply(status: status, json: json, outcome: .rejected(code: status))
    }

    /// `SM` and 32 hexadecimal digits; the first 16 are unique per sequence number.
    static func messageSID(_ unique: UInt64, _ noise: UInt64) -> String {
        func hex(_ value: UInt64) -> String {
            let text = String(value, radix: 16)
            return String(repeating: "0", count: 16 - text.count) + text
        }
        return "SM" + hex(unique) + hex(noise)
    }
}

/// The Message resource Twilio answers a create with (gateways.md §9).
enum TwilioMessageResource {
    /// The JSON body, with the `null`s Twilio writes for a message that has no error or price yet.
    static func body(_ send: TwilioSend, sid: String, status: String, segments: Int) -> [UInt8] {
        var json = JSONWriter()
        json.add("account_sid", send.pathAccountSID)
        json.add("api_version", "2010-04-01")
        json.add("body", send.body ?? "")
        json.add("date_created", rfc2822(Date()))
        json.add("direction", "outbound-api")
        json.add("from", send.from)
        json.add("messaging_service_sid", send.messagingServiceSID)
        json.add("num_media", "0")
        // Twilio writes the segment count as a string.
        json.add("num_segments", String(segments))
        json.add("price_unit", "USD")
        json.add("sid", sid)
        json.add("status", status)
        json.add("to", send.to ?? "")
        json.add("uri", "/2010-04-01/Accounts/\(send.pathAccountSID)/Messages/\(sid).json")
        // JSONWriter has no null: close the object by hand after the null members.
        return json.finished.dropLast() + Array(#","error_code":null,"error_message":null,"price":null}"#.utf8)
    }

    /// `Tue, 01 Dec 2026 03:00:00 +0000`, Twilio's date format.
    static func rfc2822(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        return formatter.string(from: date)
    }
}
