/// The body of every ZNS send reply (gateways.md §1.2): HTTP 200 even for application errors.
///
/// Ids and times are strings on the wire and stay strings here: Zalo ids exceed 2^53 (§11.8).
struct ZaloZNSReply: Decodable, Sendable {
    /// 0 = accepted; a negative code otherwise (§1.5).
    var error: Int
    /// `"Success"` or Zalo's English error text.
    var message: String?
    var data: Payload?

    struct Payload: Decodable, Sendable {
        /// Zalo's message id, the key of delivery webhooks and `GET /message/status`.
        var msgID: String?
        /// Epoch milliseconds, as a string.
        var sentTime: String?
        /// `"1"` normal, `"3"` over-quota.
        var sendingMode: String?
        var quota: Quota?

        enum CodingKeys: String, CodingKey {
            case msgID = "msg_id"
            case sentTime = "sent_time"
            case sendingMode = "sending_mode"
            case quota
        }
    }

    /// The OA's daily allowance and what is left of it, returned on every send (§1.6).
    struct Quota: Decodable, Sendable {
        var daily: String?
        var remaining: String?

        enum CodingKeys: String, CodingKey {
            case daily = "dailyQuota"
            case remaining = "remainingQuota"
        }

        init(from decoder: any Decoder) throws {
            // Strings in the send reply, numbers in `GET /message/quota` (§1.2 note): accept both.
            let container = try decoder.container(keyedBy: CodingKeys.self)
            daily = Self.text(container, .daily)
            remaining = Self.text(container, .remaining)
        }

        private static func text(_ container: KeyedDecodingContainer<CodingKeys>, _ key: CodingKeys) -> String? {
            if let text = try? container.decode(String.self, forKey: key) { return text }
            return (try? container.decode(Int64.self, forKey: key)).map(String.init)
        }

        /// The figures as numbers, when `remainingQuota` reads as one.
        var reading: QuotaReading? {
            guard let left = remaining.flatMap({ Int($0) }) else { return nil }
            return QuotaReading(daily: daily.flatMap { Int($0) }, remaining: left)
        }

        /// `ZNS quota: 4999 of 5000 left today`, for the attempt's history.
        var summary: String? {
            guard let remaining else { return nil }
            return "ZNS quota: \(remaining)" + (daily.map { " of \($0)" } ?? "") + " left today"
        }
    }
}
