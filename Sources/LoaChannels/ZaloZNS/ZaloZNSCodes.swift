import Foundation

/// ZNS reply codes and what the scheduler should do about each (gateways.md §1.5).
///
/// This table is the only place Zalo's error vocabulary is translated into `SendError.Kind`.
/// Codes 0 … -112 come from Zalo's official table; the rest are [M] in gateways.md.
enum ZaloZNSCodes {
    /// When a deferred send may be tried again.
    enum Resume: Sendable {
        /// The next midnight in Vietnam: Zalo's daily quotas renew by day (§1.5 -144/-147, §11.5),
        /// on Zalo's own clock whatever the commune's zone.
        case nextMidnight
        /// 06:00 local, the end of Zalo's 22:00–06:00 night window (§1.5 -133).
        case morning
    }

    struct Entry: Sendable {
        var kind: SendError.Kind
        var meaning: String
        var resume: Resume? = nil
    }

    static let table: [Int: Entry] = [
        -100: Entry(kind: .retryable, meaning: "unknown Zalo error; retry with backoff"),
        -108: Entry(kind: .invalidRecipient, meaning: "phone number invalid"),
        -109: Entry(kind: .permanent, meaning: "template id invalid; alert the operator"),
        -111: Entry(kind: .permanent, meaning: "template data empty"),
        -112: Entry(kind: .permanent, meaning: "template data type undefined"),
        -1121: Entry(kind: .permanent, meaning: "template parameter value too long"),
        -1122: Entry(kind: .permanent, meaning: "template parameter missing"),
        -1124: Entry(kind: .permanent, meaning: "template parameter badly formatted"),
        -114: Entry(kind: .fallback, meaning: "user inactive, refused, or on an outdated Zalo app; use the next channel"),
        -115: Entry(kind: .permanent, meaning: "ALERT: ZNS balance exhausted; stop the channel"),
        -117: Entry(kind: .permanent, meaning: "no permission on this template; alert the operator"),
        -118: Entry(kind: .fallback, meaning: "no Zalo account on this number; use the next channel"),
        -119: Entry(kind: .fallback, meaning: "Zalo account cannot receive messages; use the next channel"),
        -124: Entry(kind: .unauthorized, meaning: "access token invalid; refresh it and retry once"),
        -125: Entry(kind: .permanent, meaning: "OA id invalid; check the channel configuration"),
        -131: Entry(kind: .permanent, meaning: "template not approved; alert the operator"),
        -133: Entry(kind: .deferred, meaning: "Zalo does not send at night (22:00–06:00)", resume: .morning),
        -137: Entry(kind: .permanent, meaning: "ALERT: Zalo Cloud Account charge failed; stop the channel"),
        -139: Entry(kind: .fallback, meaning: "user refused this content type; use the next channel"),
        -141: Entry(kind: .fallback, meaning: "user refused ZNS from this OA; use the next channel"),
        -144: Entry(kind: .quotaExhausted, meaning: "OA daily ZNS limit reached", resume: .nextMidnight),
        -146: Entry(kind: .permanent, meaning: "template disabled for low quality; switch template"),
        -147: Entry(kind: .quotaExhausted, meaning: "template daily limit reached", resume: .nextMidnight),
    ]

    /// The error for a non-zero `code`; `zaloMessage` is Zalo's own text, kept for the operator.
    static func error(code: Int, zaloMessage: String?, now: Date, zone: TimeZone) -> SendError {
        let said = zaloMessage.map { " (Zalo: \($0))" } ?? ""
        guard let entry = table[code] else {
            return SendError(.permanent, "ZNS error \(code)" + said, gatewayCode: String(code))
        }
        let retryAfter: Duration? = switch entry.resume {
        case .nextMidnight: delay(untilHour: 0, after: now, in: vietnam)
        case .morning: delay(untilHour: 6, after: now, in: zone)
        case nil: nil
        }
        return SendError(entry.kind, entry.meaning + said, gatewayCode: String(code), retryAfter: retryAfter)
    }

    /// Zalo's clock (gateways.md §11.5: quotas and night windows in Asia/Ho_Chi_Minh).
    static let vietnam = TimeZone(identifier: "Asia/Ho_Chi_Minh")!

    /// Time from `now` to the next `hour`:00 on the wall clock of `zone`.
    static func delay(untilHour hour: Int, after now: Date, in zone: TimeZone) -> Duration {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let target = calendar.nextDate(
            after: now, matching: DateComponents(hour: hour, minute: 0, second: 0), matchingPolicy: .nextTime)
        let seconds = target.map { $0.timeIntervalSince(now) } ?? 24 * 3600
        return .seconds(Int64(seconds.rounded(.up)))
    }
}
