import Foundation

/// Zalo OA API reply codes and what the scheduler should do about each (gateways.md §3.1).
///
/// This table is the only place the OA API's error vocabulary is translated into `SendError.Kind`.
/// Every entry is [M] in gateways.md (a secondary spec, `-220` also in client code).
enum ZaloOACodes {
    struct Entry: Sendable {
        var kind: SendError.Kind
        var meaning: String
        /// The commune-clock hour a deferred send may resume at.
        var resumeHour: Int? = nil
    }

    static let table: [Int: Entry] = [
        -216: Entry(kind: .unauthorized, meaning: "access token invalid; refresh it and retry once"),
        -220: Entry(kind: .unauthorized, meaning: "access token expired or removed; refresh it and retry once"),
        -32: Entry(kind: .throttled, meaning: "app or OA rate limit reached; back off"),
        -213: Entry(kind: .fallback, meaning: "resident does not follow the OA; use the next channel"),
        // §3.1: consultation messages only reach users who interacted with the OA within 7 days.
        -230: Entry(kind: .fallback, meaning: "no interaction with the OA in 7 days; use the next channel"),
        -227: Entry(kind: .fallback, meaning: "resident's Zalo account banned or inactive; use the next channel"),
        -234: Entry(kind: .deferred, meaning: "Zalo does not send this message type at night (22:00–06:00)", resumeHour: 6),
        -201: Entry(kind: .permanent, meaning: "invalid parameter"),
    ]

    /// The error for a non-zero `code`; `zaloMessage` is Zalo's own text, kept for the operator.
    static func error(code: Int, zaloMessage: String?, now: Date, zone: TimeZone) -> SendError {
        let said = zaloMessage.map { " (Zalo: \($0))" } ?? ""
        guard let entry = table[code] else {
            return SendError(.permanent, "Zalo OA error \(code)" + said, gatewayCode: String(code))
        }
        let retryAfter = entry.resumeHour.map { ZaloZNSCodes.delay(untilHour: $0, after: now, in: zone) }
        return SendError(entry.kind, entry.meaning + said, gatewayCode: String(code), retryAfter: retryAfter)
    }
}
