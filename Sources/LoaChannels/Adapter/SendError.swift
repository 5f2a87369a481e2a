import Foundation
import LoaHTTP

/// Why a send did not go through, and what the scheduler should do about it.
///
/// Adapters classify; the scheduler decides timing. One type for every gateway, so each adapter's
/// status table is the only place a vendor's vocabulary is translated.
public struct SendError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// Network trouble or a server error: try again later on the same channel.
        case retryable
        /// The gateway asked us to slow down (HTTP 429 and the like).
        case throttled
        /// This channel cannot reach this resident (no Zalo account, refused OA): next channel now.
        case fallback
        /// The request itself is wrong for this channel (template, payload, configuration): no retry.
        case permanent
        /// The recipient's number is invalid: no channel will do better.
        case invalidRecipient
        /// The channel may not send now (night window, daily quota): try again at `retryAfter`.
        case deferred
        /// Credentials expired: refresh them, then retry once.
        case unauthorized
        /// The channel's daily allowance is used up (ZNS -144/-147) until `retryAfter`: normal
        /// notices wait for it, urgent ones take the next channel now.
        case quotaExhausted
    }

    public var kind: Kind
    public var message: String
    /// The gateway's own code (`-118`, `99`, `20429`…), kept for audits and reports.
    public var gatewayCode: String?
    /// When the gateway said to come back (`Retry-After`, next morning, next day).
    public var retryAfter: Duration?

    public init(_ kind: Kind, _ message: String, gatewayCode: String? = nil, retryAfter: Duration? = nil) {
        self.kind = kind
        self.message = message
        self.gatewayCode = gatewayCode
        self.retryAfter = retryAfter
    }

    /// Worth trying again on the same channel.
    public var isRetryable: Bool {
        switch kind {
        case .retryable, .throttled, .deferred, .unauthorized, .quotaExhausted: true
        case .fallback, .permanent, .invalidRecipient: false
        }
    }

    public var description: String {
        (gatewayCode.map { "[\($0)] " } ?? "") + message
    }
}

extension SendError {
    /// The common reading of an HTTP exchange that did not produce a gateway answer (courier-style):
    /// network failure or 5xx → retry, 429 → throttled honouring `Retry-After`, other non-2xx → permanent.
    public static func from(_ error: HTTPClientError) -> SendError {
        switch error.kind {
        case .invalidRequest: SendError(.permanent, "invalid request: \(error.message)")
        case .tls: SendError(.retryable, "TLS failure: \(error.message)")
        default: SendError(.retryable, "\(error.kind): \(error.message)")
        }
    }

    /// Classifies a non-2xx status; returns nil for 2xx, which the adapter reads itself.
    public static func from(status response: HTTPResponse, now: Date = Date()) -> SendError? {
        switch response.status {
        case 200..<300:
            return nil
        case 429:
            return SendError(
                .throttled, "HTTP 429 Too Many Requests", gatewayCode: "429",
                retryAfter: RetryAfter.parse(response.headers["Retry-After"], now: now))
        case 500..<600, 408:
            return SendError(
                .retryable, "HTTP \(response.status)", gatewayCode: String(response.status),
                retryAfter: RetryAfter.parse(response.headers["Retry-After"], now: now))
        case 401, 403:
            return SendError(.permanent, "HTTP \(response.status): credentials refused", gatewayCode: String(response.status))
        default:
            return SendError(.permanent, "HTTP \(response.status)", gatewayCode: String(response.status))
        }
    }
}

/// `Retry-After` as seconds or an HTTP date.
public enum RetryAfter {
    public static func parse(_ value: String?, now: Date = Date()) -> Duration? {
        guard let value = value?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        if let seconds = Int(value) { return .seconds(max(0, seconds)) }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        guard let date = formatter.date(from: value) else { return nil }
        return .milliseconds(max(0, Int64(date.timeIntervalSince(now) * 1000)))
    }
}
