/// SpeedSMS.vn: `POST /index.php/sms/send`, JSON, HTTP Basic with the access token as user name
/// and `x` as password (gateways.md §5).
struct SpeedSMSDialect: SendDialect {
    static let dialect = GatewayDialect.speedsms
    /// Where the dialect listens.
    static let path = "/index.php/sms/send"

    func read(_ body: [UInt8], header: (String) -> String?) -> Reading<SpeedSMSSend> {
        guard let send = SpeedSMSSend(body: body, authorization: header("Authorization")) else {
            return .refused(SpeedSMSCode.badParameters.reply(detail: "body is not a JSON object"))
        }
        return .read(send)
    }

    /// gateways.md §13: SpeedSMS allows 60 requests per 60 s; beyond, it answers 429 with Yii's
    /// rate-limit body and `X-Rate-Limit-Reset`, the seconds to wait (no `Retry-After`).
    func throttled(seconds: Int) -> (headers: [String: String], body: [UInt8]?) {
        var json = JSONWriter()
        json.add("name", "Too Many Requests")
        json.add("message", "Rate limit exceeded.")
        json.add("code", 0)
        json.add("status", 429)
        return (["X-Rate-Limit-Limit": "60", "X-Rate-Limit-Remaining": "0", "X-Rate-Limit-Reset": String(seconds)], json.finished)
    }

    /// SpeedSMS takes no idempotency key (gateways.md §11.1).
    func key(of send: SpeedSMSSend) -> String? { nil }

    func process(_ send: SpeedSMSSend, engine: SimulatorEngine) -> GatewayReply {
        let account = engine.options.speedsms
        guard let credentials = send.credentials, credentials.user == account.accessToken else {
            return SpeedSMSCode.unauthorized.reply(status: 401)
        }
        guard let content = send.content, !content.isEmpty, !send.to.isEmpty,
            let type = send.smsType, (2...5).contains(type)
        else { return SpeedSMSCode.badParameters.reply() }
        if type == 3 {
            guard let sender = send.sender, account.senders?.contains(sender) ?? true else {
                return SpeedSMSCode.badParameters.reply(detail: "sender is not a registered brandname")
            }
        }
        var phones: [String] = []
        var invalid: [String] = []
        for number in send.to {
            if let phone = try? GatewayPhone(number) {
                phones.append(phone.international)
            } else {
                invalid.append(number)
            }
        }
        // §5: refused numbers come back in `invalidPhone`; with none left the send is an error.
        guard !phones.isEmpty else { return SpeedSMSCode.invalidPhone.reply(invalidPhones: invalid) }

        let tranID = 100_000_000 + engine.state.nextSequence()
        for phone in phones {
            let subject = "\(tranID)-\(phone)"
            let delivered = engine.isDelivered(subject)
            let report = account.callbackURL.map {
                SpeedSMSDeliveryReport(callbackURL: $0, tranID: tranID, phone: phone)
            }
            engine.dispatch(DeliveryPlan(
                dialect: Self.dialect, subject: subject, delivered: delivered,
                finalReport: report?.sender(delivered: delivered), earlierReport: nil,
                link: DeliveryPlan.firstLink(in: content)))
        }
        let parts = SMSParts.count(content) * phones.count
        var data = JSONWriter()
        data.add("tranId", tranID)
        data.add("totalSMS", parts)
        data.add("totalPrice", parts * account.pricePerPart)
        var json = JSONWriter()
        json.add("status", "success")
        json.add("code", SpeedSMSCode.accepted)
        var reply = GatewayReply(json: json, outcome: .accepted)
        reply.body = SpeedSMSCode.closing(
            json, with: "data", SpeedSMSCode.closing(data, with: "invalidPhone", SpeedSMSCode.array(invalid)))
        return reply
    }

    func refusal(status: Int, reason: String) -> GatewayReply {
        SpeedSMSCode.badParameters.reply(status: status, detail: reason)
    }
}
