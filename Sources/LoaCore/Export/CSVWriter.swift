import Foundation

/// Writes RFC 4180 CSV: fields quoted when they hold a comma, quote or line break; CRLF line ends.
public struct CSVWriter {
    public private(set) var text = ""

    public init() {}

    /// Appends one record.
    public mutating func append(_ fields: [String]) {
        for (index, field) in fields.enumerated() {
            if index > 0 { text += "," }
            text += Self.escape(field)
        }
        text += "\r\n"
    }

    /// One field, quoted if it needs to be. Bytes, not characters, are checked: "\r\n" is one
    /// Swift character equal to neither "\r" nor "\n".
    public static func escape(_ field: String) -> String {
        guard field.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D || $0 == 0x3B }) else {
            return field
        }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
