/// Reads a resident's SMS or Zalo reply as an acknowledgement (SPEC §5).
///
/// The folded text (no diacritics, case-insensitive, blanks collapsed) must be one of the
/// keywords, optionally followed by a notice's short code: `OK`, `Xác nhận K7QX`, `da nhan`, `1`.
public enum ReplyKeyword {
    /// The keywords in folded form, longest first so `xac nhan` wins over a shorter prefix.
    public static let keywords = ["xac nhan", "da nhan", "ok", "xn", "co", "1"]

    /// What a reply says.
    public enum Reading: Sendable, Equatable {
        /// An acknowledgement, naming a notice's short code (upper-cased) when one follows.
        case acknowledgement(shortCode: String?)
        /// Anything else; kept and listed for staff.
        case other
    }

    /// The reading of `text`.
    public static func read(_ text: String) -> Reading {
        // Punctuation residents add ("OK.", "ok!", "Xác nhận, K7QX") is not part of the answer.
        let cleaned = String(text.matchKey.map { $0.isLetter || $0.isNumber ? $0 : " " }).collapsingBlanks
        for keyword in keywords {
            if cleaned == keyword { return .acknowledgement(shortCode: nil) }
            guard cleaned.hasPrefix(keyword + " ") else { continue }
            let rest = cleaned.dropFirst(keyword.count + 1)
            guard ShortCode.isValid(rest) else { continue }
            return .acknowledgement(shortCode: rest.uppercased())
        }
        return .other
    }
}
