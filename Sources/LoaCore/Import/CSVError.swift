/// Why a CSV file (or one of its records) cannot be read; lines are physical, 1-based.
public enum CSVError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The record starting on `line` holds bytes that are not UTF-8; the reader has moved past it.
    case invalidUTF8(line: Int)
    /// A quoted field opened on `line` is never closed, so the rest of the file was swallowed.
    case unterminatedQuote(line: Int, recordLine: Int)
    /// The file is UTF-16 (Excel's "Unicode Text"), not UTF-8.
    case utf16

    public var description: String {
        switch self {
        case .invalidUTF8(let line):
            "line \(line): text is not UTF-8 (the file may be in a legacy Vietnamese encoding such as "
                + "Windows-1258, TCVN3 or VNI; save it from Excel as “CSV UTF-8”)"
        case .unterminatedQuote(let line, let recordLine):
            "line \(line): a quoted field (in the row starting on line \(recordLine)) has no closing quote"
        case .utf16:
            "the file is UTF-16 text; save it from Excel as “CSV UTF-8” instead"
        }
    }
}
