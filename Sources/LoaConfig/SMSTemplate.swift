import Foundation

/// One carrier-registered SMS text (`[[channels.templates]]`, SPEC §4): literal text sent exactly as
/// registered, with `{placeholder}` slots filled per message.
///
/// Vietnamese customer-care brandname routes deliver only texts that match a registered template
/// (eSMS answers `146` otherwise, gateways.md §4.1, §13).
public struct SMSTemplate: Sendable, Equatable {
    /// A run of literal text or a slot, in order.
    public enum Part: Sendable, Equatable {
        case literal(String)
        case slot(SMSSlot)
    }

    public var name: String
    /// The text as written in `loa.toml`.
    public var text: String
    public var parts: [Part]

    /// The slots in order of appearance.
    public var slots: [SMSSlot] {
        parts.compactMap { if case .slot(let slot) = $0 { slot } else { nil } }
    }

    /// Parses `text`; the error is the problem alone (the caller names channel and template).
    public init(name: String, text: String) throws(SMSTemplateProblem) {
        self.name = name
        self.text = text
        self.parts = try Self.parse(text)
    }

    static func parse(_ text: String) throws(SMSTemplateProblem) -> [Part] {
        var parts: [Part] = []
        var literal = ""
        var slot: String?
        for character in text {
            switch (character, slot) {
            case ("{", nil):
                if !literal.isEmpty { parts.append(.literal(literal)) }
                literal = ""
                slot = ""
            case ("{", .some(let open)):
                throw SMSTemplateProblem("'{' inside '{\(open)': braces must close before another opens")
            case ("}", nil):
                throw SMSTemplateProblem("'}' without an opening '{'")
            case ("}", .some(let inner)):
                parts.append(.slot(try Self.slot(inner)))
                slot = nil
            case (_, .some(let inner)):
                slot = inner + String(character)
            case (_, nil):
                literal.append(character)
            }
        }
        if let open = slot { throw SMSTemplateProblem("'{\(open)' is never closed with '}'") }
        if !literal.isEmpty { parts.append(.literal(literal)) }
        return parts
    }

    static func slot(_ inner: String) throws(SMSTemplateProblem) -> SMSSlot {
        let pieces = inner.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        let key = pieces[0].trimmingCharacters(in: .whitespaces)
        guard let placeholder = SMSPlaceholder(rawValue: key) else {
            let known = SMSPlaceholder.allCases.map { "{\($0.rawValue)}" }.joined(separator: ", ")
            throw SMSTemplateProblem("unknown placeholder {\(inner)}; expected one of \(known)")
        }
        guard pieces.count == 2 else { return SMSSlot(placeholder) }
        guard let length = Int(pieces[1].trimmingCharacters(in: .whitespaces)), length > 0 else {
            throw SMSTemplateProblem(
                "{\(inner)}: the slot length after ':' must be a whole number above 0, e.g. {\(key):30}")
        }
        return SMSSlot(placeholder, maxLength: length)
    }
}

/// Why a template's text cannot be used, without the channel and template (the caller adds them).
public struct SMSTemplateProblem: Error, Sendable, Equatable, CustomStringConvertible {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}
