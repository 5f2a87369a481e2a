/// Why a piece of text is not a Vietnamese mobile number; `description` is written for staff.
public enum PhoneNumberError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Nothing but blanks, separators or an apostrophe.
    case empty
    /// The text has letters in it (a name or a note in the phone column).
    case containsLetters(String)
    /// A character that is neither a digit nor a usual separator.
    case invalidCharacter(String, Character)
    /// A `+` somewhere other than the start.
    case misplacedPlus(String)
    /// An international number for another country.
    case foreign(String, countryCode: String)
    /// Fewer digits than a 10-digit national number.
    case tooFewDigits(String)
    /// More digits than a 10-digit national number.
    case tooManyDigits(String)
    /// A landline number (`02x` area codes).
    case landline(String, prefix: String)
    /// Ten digits whose prefix no mobile network holds.
    case notMobilePrefix(String, prefix: String)
    /// An 11-digit `01xx` number from before the 2018 renumbering; `newPrefix` when it is known.
    case oldElevenDigit(String, oldPrefix: String, newPrefix: String?, suggestion: String?)

    public var description: String {
        switch self {
        case .empty:
            return "empty phone number"
        case .containsLetters(let text):
            return "‘\(text)’ is not a phone number: contains letters"
        case .invalidCharacter(let text, let character):
            return "‘\(text)’ is not a phone number: unexpected character ‘\(character)’"
        case .misplacedPlus(let text):
            return "‘\(text)’ is not a phone number: ‘+’ may only start the number"
        case .foreign(let text, let code):
            return "‘\(text)’ is not a Vietnamese number: country code +\(code) is not +84"
        case .tooFewDigits(let text):
            return "‘\(text)’ is not a Vietnamese mobile number: too few digits (a mobile number has 10, like 0912 345 678)"
        case .tooManyDigits(let text):
            return "‘\(text)’ is not a Vietnamese mobile number: too many digits (a mobile number has 10, like 0912 345 678)"
        case .landline(let text, let prefix):
            return "‘\(text)’ is not a Vietnamese mobile number: prefix \(prefix) is not a mobile prefix (it is a landline area code)"
        case .notMobilePrefix(let text, let prefix):
            return "‘\(text)’ is not a Vietnamese mobile number: prefix \(prefix) is not a mobile prefix"
        case .oldElevenDigit(let text, let oldPrefix, let newPrefix, let suggestion):
            let start = "‘\(text)’ is an old 11-digit number: 11-digit mobile numbers were converted to 10 digits in 2018"
            guard let newPrefix else { return start + " (prefix \(oldPrefix) has no known new prefix)" }
            let tail = suggestion.map { ", so this is probably \($0)" } ?? ""
            return start + "; \(oldPrefix) became \(newPrefix)\(tail)"
        }
    }
}
