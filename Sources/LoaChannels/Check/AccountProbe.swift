import Foundation
import LoaConfig
import LoaHTTP

/// What `checkAccount` implementations share: one request to a gateway whose failure becomes a
/// finding, JSON reading that tolerates numbers written as strings, and balance advice.
public enum AccountProbe {
    /// A gateway's answer, or the finding that says why there is none.
    public enum Answer: Sendable {
        case answered(HTTPResponse)
        case unanswered(ChannelCheckItem)
    }

    /// How long one account call may take; a check must not hang an office's terminal.
    public static let timeout: Duration = .seconds(10)

    /// The gateway's answer to `request`, or the finding that says why there is none: a gateway
    /// that cannot be reached would fail the broadcast too, so it is `failed`; a timeout is a warning.
    public static func send(
        _ request: HTTPRequest, over transport: any HTTPTransport, check: String = "credentials", gateway: String
    ) async -> Answer {
        do {
            return .answered(try await transport.send(request))
        } catch {
            let status: ChannelCheckItem.Status = error.kind == .timeout ? .warning : .failed
            return .unanswered(ChannelCheckItem(check, status, "\(gateway) did not answer: \(error.kind.rawValue): \(error.message)"))
        }
    }

    /// The body as a JSON object, or nil when it is anything else.
    public static func object(_ response: HTTPResponse) -> [String: Any]? {
        try? JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any]
    }

    /// A member read as text, whether the gateway wrote it as a string or a number.
    public static func text(_ value: Any?) -> String? {
        switch value {
        case let text as String: text
        case let number as NSNumber: number.stringValue
        default: nil
        }
    }

    /// A member read as a number, whether the gateway wrote it as a number or a string.
    public static func number(_ value: Any?) -> Double? {
        switch value {
        case let number as NSNumber: number.doubleValue
        case let text as String: Double(text.trimmingCharacters(in: .whitespaces))
        default: nil
        }
    }

    /// `1234`, or `12.5` when the amount has a fraction.
    public static func amount(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(format: "%.2f", value)
    }

    /// The segments one broadcast may need before the balance counts as low.
    public static let lowBalanceSegments = 100.0

    /// The `balance` finding for an amount a gateway reported.
    ///
    /// - Parameters:
    ///   - written: the amount as the gateway wrote it (`"25.00"`), shown instead of `value`'s digits.
    ///   - emptyFails: whether the gateway refuses sends at a zero balance (prepaid accounts).
    public static func balance(
        _ value: Double, written: String? = nil, currency: String?, config: ChannelConfig, gateway: String,
        emptyFails: Bool = true
    ) -> ChannelCheckItem {
        let figure = (written ?? amount(value)) + (currency.map { " " + $0 } ?? "")
        if value <= 0 {
            return ChannelCheckItem("balance", emptyFails ? .failed : .warning, "\(gateway) balance is \(figure): top it up before sending")
        }
        guard let price = config.pricePerSegment, price > 0 else {
            return ChannelCheckItem("balance", .ok, "\(figure) (set price_per_segment to be warned when it runs low)")
        }
        let segments = Int((value / price).rounded(.down))
        if value < price * lowBalanceSegments {
            return ChannelCheckItem(
                "balance", .warning, "\(figure) pays for about \(segments) segments at \(amount(price)) each: top it up before a broadcast")
        }
        return ChannelCheckItem("balance", .ok, "\(figure), about \(segments) segments at \(amount(price)) each")
    }

    /// `base` without a trailing slash, followed by `path`.
    public static func url(_ base: String, _ path: String) -> String {
        (base.hasSuffix("/") ? String(base.dropLast()) : base) + path
    }
}
