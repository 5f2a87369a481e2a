/// Writes RFC 4180 CSV: fields quoted when they hold a comma, semicolon, quote or line break; CRLF
/// line ends. The output is kept as UTF-8 bytes, so a 200 000-row export is a few appends per field.
///
/// Spreadsheets run a cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return as a
/// formula, so such a field gets a leading `'` (Excel's "this is text" mark). A field that is only a
/// number (`+84912345678`, `-3`, `0.8`) cannot call anything and is left as it is.
public struct CSVWriter {
    /// The CSV so far, as UTF-8.
    public private(set) var bytes: [UInt8] = []

    public init() {}

    /// A writer with room for about `bytes` of output.
    public init(capacity bytes: Int) {
        self.bytes.reserveCapacity(bytes)
    }

    /// The CSV so far, as text.
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    private var recordStarted = false

    /// Appends one record.
    public mutating func append(_ fields: [String]) {
        for field in fields { self.field(field) }
        endRecord()
    }

    /// Appends one field to the current record.
    public mutating func field(_ text: String) {
        if recordStarted { bytes.append(0x2C) }
        recordStarted = true
        appendField(text)
    }

    /// Appends a number as one field of the current record.
    public mutating func field(_ number: Int64) {
        if recordStarted { bytes.append(0x2C) }
        recordStarted = true
        if number < 0 { bytes.append(0x2D) }
        var value = number.magnitude
        let start = bytes.count
        repeat {
            bytes.append(UInt8(0x30 + value % 10))
            value /= 10
        } while value > 0
        bytes[start...].reverse()
    }

    /// Ends the current record.
    public mutating func endRecord() {
        bytes.append(0x0D)
        bytes.append(0x0A)
        recordStarted = false
    }

    /// Bytes, not characters, are checked: "\r\n" is one Swift character equal to neither "\r" nor "\n".
    private mutating func appendField(_ field: String) {
        // Native strings hand out their bytes in place; bridged ones are copied first.
        if field.utf8.withContiguousStorageIfAvailable({ appendField(utf8: $0) }) != nil { return }
        Array(field.utf8).withUnsafeBufferPointer { appendField(utf8: $0) }
    }

    private mutating func appendField(utf8: UnsafeBufferPointer<UInt8>) {
        let quoted = utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D || $0 == 0x3B })
        if quoted { bytes.append(0x22) }
        if Self.startsFormula(utf8) { bytes.append(0x27) }
        guard quoted else {
            bytes.append(contentsOf: utf8)
            return
        }
        for byte in utf8 {
            if byte == 0x22 { bytes.append(0x22) }
            bytes.append(byte)
        }
        bytes.append(0x22)
    }

    /// Whether a spreadsheet would read the field as a formula: it starts with `=`, `+`, `-`, `@`,
    /// a tab or a carriage return and is not just a number.
    static func startsFormula(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = utf8.first else { return false }
        switch first {
        case 0x3D, 0x40, 0x09, 0x0D: return true
        case 0x2B, 0x2D: return !isNumber(utf8.dropFirst())
        default: return false
        }
    }

    /// Digits with at most one decimal point among them.
    private static func isNumber(_ utf8: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        var digits = 0
        var points = 0
        for byte in utf8 {
            if byte >= 0x30 && byte <= 0x39 {
                digits += 1
            } else if byte == 0x2E {
                points += 1
            } else {
                return false
            }
        }
        return digits > 0 && points <= 1 && utf8.first != 0x2E && utf8.last != 0x2E
    }

    /// One field, quoted if it needs to be.
    public static func escape(_ field: String) -> String {
        var writer = CSVWriter()
        writer.appendField(field)
        return writer.text
    }
}
