import LoaConfig
import LoaCore

/// Who can write back through a channel: a phone through an SMS gateway, a Zalo user through Zalo.
///
/// A reply acknowledges only through a channel that can carry it (SPEC §5): an SMS hook that
/// names a Zalo id, or a Zalo hook that names a phone, is not a gateway speaking but a forgery.
public enum ReplySender: Sendable, Equatable {
    /// An E.164 phone number (`+84…`), matched against residents' phones.
    case phone
    /// An OA-scoped Zalo user id, matched against residents' Zalo ids.
    case zaloUser

    /// What a channel of `kind` carries replies from; nil for kinds that carry none (webhook).
    public init?(kind: ChannelKind) {
        switch kind {
        case .esms, .speedsms, .kannel, .twilio: self = .phone
        case .zaloZNS, .zaloOA: self = .zaloUser
        case .webhook: return nil
        }
    }

    /// `from` as the store matches it (a phone in E.164, a Zalo id as given), or nil when `from`
    /// cannot be this kind of sender.
    public func normalized(_ from: String) -> String? {
        switch self {
        case .phone:
            if let phone = try? PhoneNumber(parsing: from) { return phone.e164 }
            // Numbers abroad (Twilio's senders) stay as the gateway wrote them, with their `+`;
            // E.164 has at most 15 digits, and Zalo's ids have more (a Kannel `%p` of a Zalo id
            // comes as `+` and 16 digits or more).
            let digits = from.dropFirst()
            guard from.hasPrefix("+"), (1...15).contains(digits.count), digits.allSatisfy({ $0.isASCII && $0.isNumber })
            else { return nil }
            return from
        case .zaloUser:
            // Zalo ids are digits (gateways.md §11.8: kept as strings); never a `+` phone.
            return !from.isEmpty && from.allSatisfy({ $0.isASCII && $0.isNumber }) ? from : nil
        }
    }
}
