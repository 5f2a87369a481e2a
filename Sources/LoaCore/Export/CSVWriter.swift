/// Writes RFC 4180 CSV: fields quoted when they hold a comma, semicolon, quote or line break; CRLF
/// line ends. The output is kept as UTF-8 bytes, so a 200 000-row export is a few appends per field.
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
        guard utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D || $0 == 0x3B }) else {
            bytes.append(contentsOf: utf8)
            return
        }
        bytes.append(0x22)
        for byte in utf8 {
            if byte == 0x22 { bytes.append(0x22) }
            bytes.append(byte)
        }
        bytes.append(0x22)
    }

    /// One field, quoted if it needs to be.
    public static func escape(_ field: String) -> String {
        var writer = CSVWriter()
        writer.appendField(field)
        return writer.text
    }
}
