/// Who a notice (or a sender's scope) is for: everyone, a hamlet, a group or one phone number.
///
/// The text form is `all`, `hamlet:NAME`, `group:NAME` or `phone:NUMBER`; names are kept NFC and
/// trimmed, and matching them against stored hamlets and groups is the store's business.
public enum AudienceSelector: Sendable, Hashable, Codable, CustomStringConvertible {
    case all
    case hamlet(String)
    case group(String)
    case phone(PhoneNumber)

    /// Reads the text form; the kind before `:` is case-insensitive, the phone any common form.
    public init(parsing text: String) throws(SelectorError) {
        let selector = text.trimmingBlanks
        guard !selector.isEmpty else { throw .empty }
        guard let colon = selector.firstIndex(of: ":") else {
            guard selector.lowercased() == "all" else { throw .malformed(selector) }
            self = .all
            return
        }
        let kind = selector[..<colon].trimmingBlanks.lowercased()
        let value = selector[selector.index(after: colon)...].trimmingBlanks.precomposed
        switch kind {
        case "hamlet", "group":
            guard !value.isEmpty else { throw .missingName(selector, kind: kind) }
            self = kind == "hamlet" ? .hamlet(value) : .group(value)
        case "phone":
            do {
                self = .phone(try PhoneNumber(parsing: value))
            } catch {
                throw .invalidPhone(selector, error)
            }
        default:
            throw .unknownKind(selector, kind: kind)
        }
    }

    /// The canonical text form, which `init(parsing:)` reads back to the same selector.
    public var description: String {
        switch self {
        case .all: "all"
        case .hamlet(let name): "hamlet:\(name)"
        case .group(let name): "group:\(name)"
        case .phone(let number): "phone:\(number.e164)"
        }
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do {
            self = try AudienceSelector(parsing: text)
        } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.description))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// Why a text is not an audience selector; every case names the selector as written.
public enum SelectorError: Error, Sendable, Hashable, CustomStringConvertible {
    case empty
    case malformed(String)
    case unknownKind(String, kind: String)
    case missingName(String, kind: String)
    case invalidPhone(String, PhoneNumberError)

    private static let expected = "expected all, hamlet:NAME, group:NAME or phone:NUMBER"

    public var description: String {
        switch self {
        case .empty:
            "empty audience selector (\(Self.expected))"
        case .malformed(let selector):
            "‘\(selector)’ is not an audience selector (\(Self.expected))"
        case .unknownKind(let selector, let kind):
            "‘\(selector)’: unknown selector kind ‘\(kind)’ (\(Self.expected))"
        case .missingName(let selector, let kind):
            "‘\(selector)’: the \(kind) name is empty"
        case .invalidPhone(let selector, let error):
            "‘\(selector)’: \(error.description)"
        }
    }
}
