/// A notice's short code: the six characters after `N-` in its id, which residents may add to a
/// reply ("OK HZJW1G"). Crockford's base-32 digits without I, L, O, U: easy to read aloud and type.
public enum ShortCode {
    public static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")
    public static let length = 6

    /// Whether `text` (upper-cased) can be a short code; most words cannot (I, L, O, U never occur).
    public static func isValid(_ text: some StringProtocol) -> Bool {
        text.count == length && text.uppercased().allSatisfy { alphabet.contains($0) }
    }
}
