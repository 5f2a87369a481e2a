/// One record of a CSV file with the physical line (1-based) where it starts.
public struct CSVRecord: Sendable, Equatable {
    /// The physical line the record starts on; a quoted line break makes later records start later.
    public var line: Int
    /// The fields as text, quotes removed, not trimmed.
    public var fields: [String]

    public init(line: Int, fields: [String]) {
        self.line = line
        self.fields = fields
    }
}

/// A streaming RFC 4180 reader over UTF-8 bytes, tolerant of what spreadsheet programs write.
///
/// - A UTF-8 byte-order mark is skipped; UTF-16 input (Excel's "Unicode Text") is refused.
/// - The delimiter is `,`, `;` or tab: taken from an Excel `sep=X` first line if present, else the
///   one occurring most often outside quotes on the busiest of the first 20 lines (title rows above a
///   header have few; ties prefer `;`, then `,`).
/// - Quoted fields may hold `""`, delimiters and line breaks; CRLF, LF and lone CR end lines.
///   A quote inside an unquoted field, or text after a closing quote, is kept literally.
/// - Empty lines are skipped; records are not padded, so rows may have differing field counts.
/// - Invalid UTF-8 in a record throws ``CSVError/invalidUTF8(line:)`` after the record is consumed,
///   so a caller may reject that row and carry on; the reader never substitutes characters.
public struct CSVReader: Sendable {
    private let bytes: [UInt8]
    private var position: Int
    private var line: Int
    private var scratch: [UInt8] = []
    /// The field delimiter in use.
    public let delimiter: UInt8

    /// Reads `bytes`, sniffing the delimiter unless one is given.
    public init(bytes: [UInt8], delimiter: UInt8? = nil) throws(CSVError) {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) { throw .utf16 }
        self.bytes = bytes
        position = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        line = 1
        if let delimiter {
            self.delimiter = delimiter
        } else if let hinted = Self.excelSeparatorHint(bytes, from: position) {
            self.delimiter = hinted.delimiter
            position = hinted.end
            line = 2
        } else {
            self.delimiter = Self.sniffDelimiter(bytes, from: position)
        }
    }

    /// Reads the UTF-8 encoding of `text`.
    public init(string text: String, delimiter: UInt8? = nil) throws(CSVError) {
        try self.init(bytes: Array(text.utf8), delimiter: delimiter)
    }

    /// The share of the input consumed so far, from 0 to 1, for progress bars.
    public var fractionRead: Double {
        bytes.isEmpty ? 1 : Double(position) / Double(bytes.count)
    }

    /// The next record, or nil at the end of the input.
    public mutating func next() throws(CSVError) -> CSVRecord? {
        let count = bytes.count
        while position < count, bytes[position] == 0x0A || bytes[position] == 0x0D {
            skipLineEnd()
        }
        guard position < count else { return nil }
        let startLine = line
        var fields: [String] = []
        var valid = true
        while true {
            let field: String?
            if bytes[position] == 0x22 {
                field = try readQuoted(recordLine: startLine)
            } else {
                let start = position
                position = bytes.withUnsafeBufferPointer { buffer in
                    var index = start
                    while index < count {
                        let byte = buffer[index]
                        if byte == delimiter || byte == 0x0A || byte == 0x0D { break }
                        index += 1
                    }
                    return index
                }
                field = Self.decode(bytes[start..<position])
            }
            if let field { fields.append(field) } else { valid = false }
            guard position < count else { break }
            let byte = bytes[position]
            if byte == delimiter {
                position += 1
                if position == count { fields.append("") }
                if position < count { continue }
                break
            }
            skipLineEnd()
            break
        }
        guard valid else { throw .invalidUTF8(line: startLine) }
        return CSVRecord(line: startLine, fields: fields)
    }

    /// Reads every remaining record.
    public mutating func readAll() throws(CSVError) -> [CSVRecord] {
        var records: [CSVRecord] = []
        while let record = try next() { records.append(record) }
        return records
    }

    /// Reads a quoted field starting at the opening quote; nil if its bytes are not UTF-8.
    private mutating func readQuoted(recordLine: Int) throws(CSVError) -> String? {
        let openedOn = line
        let count = bytes.count
        scratch.removeAll(keepingCapacity: true)
        position += 1
        while true {
            guard position < count else { throw .unterminatedQuote(line: openedOn, recordLine: recordLine) }
            let byte = bytes[position]
            if byte == 0x22 {
                if position + 1 < count && bytes[position + 1] == 0x22 {
                    scratch.append(0x22)
                    position += 2
                    continue
                }
                position += 1
                break
            }
            if byte == 0x0A || (byte == 0x0D && (position + 1 == count || bytes[position + 1] != 0x0A)) {
                line += 1
            }
            scratch.append(byte)
            position += 1
        }
        while position < count {
            let byte = bytes[position]
            if byte == delimiter || byte == 0x0A || byte == 0x0D { break }
            scratch.append(byte)
            position += 1
        }
        return Self.decode(scratch[...])
    }

    private mutating func skipLineEnd() {
        if bytes[position] == 0x0D && position + 1 < bytes.count && bytes[position + 1] == 0x0A {
            position += 1
        }
        position += 1
        line += 1
    }

    private static func decode(_ slice: ArraySlice<UInt8>) -> String? {
        if slice.isEmpty { return "" }
        return slice.withUnsafeBufferPointer(UTF8Validation.string)
    }

    /// Excel writes `sep=;` as the first line when asked to; returns the delimiter and where data starts.
    private static func excelSeparatorHint(_ bytes: [UInt8], from start: Int) -> (delimiter: UInt8, end: Int)? {
        let prefix = Array("sep=".utf8)
        guard bytes.count >= start + 5, Array(bytes[start..<start + 4]).map({ $0 | 0x20 }) == prefix else { return nil }
        let candidate = bytes[start + 4]
        guard [UInt8(ascii: ","), UInt8(ascii: ";"), 0x09].contains(candidate) else { return nil }
        var end = start + 5
        if end < bytes.count, bytes[end] == 0x0D { end += 1 }
        if end < bytes.count, bytes[end] == 0x0A { end += 1 }
        guard end == bytes.count || end > start + 5 else { return nil }
        return (candidate, end)
    }

    /// The delimiter found most often outside quotes on the busiest of the first lines.
    private static func sniffDelimiter(_ bytes: [UInt8], from start: Int) -> UInt8 {
        // The line with the most delimiters among the first few decides, so that title rows above
        // the header ("DANH SÁCH HỘ DÂN THÔN A, B" with no or few separators) do not.
        var commas = 0, semicolons = 0, tabs = 0
        var best = (commas: 0, semicolons: 0, tabs: 0)
        var quoted = false
        var seenContent = false
        var lines = 0
        func endLine() {
            if max(commas, semicolons, tabs) > max(best.commas, best.semicolons, best.tabs) {
                best = (commas, semicolons, tabs)
            }
            commas = 0
            semicolons = 0
            tabs = 0
            seenContent = false
            lines += 1
        }
        for byte in bytes[start...] {
            switch byte {
            case 0x22: quoted.toggle()
            case 0x0A, 0x0D:
                if !quoted {
                    if seenContent { endLine() }
                    if lines >= sniffedLines { return choose(commas: best.commas, semicolons: best.semicolons, tabs: best.tabs) }
                    continue
                }
            case UInt8(ascii: ","): if !quoted { commas += 1 }
            case UInt8(ascii: ";"): if !quoted { semicolons += 1 }
            case 0x09: if !quoted { tabs += 1 }
            default: break
            }
            seenContent = true
        }
        endLine()
        return choose(commas: best.commas, semicolons: best.semicolons, tabs: best.tabs)
    }

    /// How many non-empty lines the delimiter is guessed from.
    private static let sniffedLines = 20

    private static func choose(commas: Int, semicolons: Int, tabs: Int) -> UInt8 {
        if semicolons > 0 && semicolons >= commas && semicolons >= tabs { return UInt8(ascii: ";") }
        if tabs > commas { return 0x09 }
        return UInt8(ascii: ",")
    }
}
