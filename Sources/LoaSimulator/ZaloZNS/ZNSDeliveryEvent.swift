import LoaHTTP

/// The `user_received_message` webhook a ZNS message triggers when it reaches the phone
/// (gateways.md §1.3), signed as §3.4 describes.
struct ZNSDeliveryEvent: Sendable {
    let account: ZaloZNSAccount
    let callbackURL: String
    /// The recipient in `84…` form (`recipient.id`).
    let phone: String
    let messageID: String
    let trackingID: String?
    /// When the message reached the phone, in epoch milliseconds; the same in every repeat.
    let deliveryTime: Int64

    /// The event as sent now: `timestamp` is the sending time, so each try is signed afresh.
    func request(at timestamp: Int64 = SimulatorEngine.epochMilliseconds()) -> HTTPRequest {
        let timestampText = String(timestamp)
        let body = self.body(timestamp: timestampText)
        return HTTPRequest(
            method: .post, url: callbackURL,
            headers: [
                "Content-Type": "application/json",
                "X-ZEvent-Server": "ZNS",
                "X-ZEvent-Signature": "mac=" + Self.signature(
                    appID: account.appID, body: body, timestamp: timestampText, secretKey: account.secretKey),
            ],
            body: body)
    }

    /// Builds the signed POST each time the scheduler sends it.
    var sender: DeliveryPlan.Report {
        { request() }
    }

    /// The JSON body; ids and times are strings, as Zalo sends them (gateways.md §3.2).
    func body(timestamp: String) -> [UInt8] {
        var json = JSONWriter()
        json.add("app_id", account.appID)
        json.add("event_name", "user_received_message")
        json.add("timestamp", timestamp)
        json.add("sender") { $0.add("id", account.oaID) }
        json.add("recipient") { $0.add("id", phone) }
        json.add("message") { message in
            message.add("msg_id", messageID)
            message.add("tracking_id", trackingID)
            message.add("delivery_time", String(deliveryTime))
        }
        return json.finished
    }

    /// Lowercase hex SHA-256 of `app_id + raw body + timestamp + OA secret key` — a plain digest of
    /// the concatenation, not an HMAC (gateways.md §3.4).
    static func signature(appID: String, body: [UInt8], timestamp: String, secretKey: String) -> String {
        var message = Array(appID.utf8)
        message.append(contentsOf: body)
        message.append(contentsOf: timestamp.utf8)
        message.append(contentsOf: secretKey.utf8)
        return SHA256.hexDigest(message)
    }
}
