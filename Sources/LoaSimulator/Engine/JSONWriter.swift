/// Builds one JSON object as UTF-8 bytes, in the order fields are added; faster than an encoder
/// for the small, fixed shapes a gateway answers with, and exact about what gets signed.
struct JSONWriter {
    private(set) var bytes: [UInt8] = [UInt8(ascii: "{")]
    private var needsComma = false

    /// Adds a string field (escaped as JSON requires).
    mutating func add(_ name: String, _ value: String) {
        key(name)
        Self.appendString(value, to: &bytes)
    }

    /// Adds a string field when `value` is present.
    mutating func add(_ name: String, _ value: String?) {
        if let value { add(name, value) }
    }

    /// Adds an integer field.
    mutating func add(_ name: String, _ value: Int) {
        key(name)
        bytes.append(contentsOf: String(value).utf8)
    }

    /// Adds a field whose value is a nested object.
    mutating func add(_ name: String, object build: (inout JSONWriter) -> Void) {
        key(name)
        var nested = JSONWriter()
        build(&nested)
        bytes.append(contentsOf: nested.finished)
    }

    /// The object, closed.
    var finished: [UInt8] {
        bytes + [UInt8(ascii: "}")]
    }

    /// The object, closed, as text.
    var text: String {
        String(decoding: finished, as: UTF8.self)
    }

    private mutating func key(_ name: String) {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
        needsComma = true
        Self.appendString(name, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
    }

    private static func appendString(_ value: String, to bytes: inout [UInt8]) {
        let hex = Array("0123456789abcdef".utf8)
        bytes.append(UInt8(ascii: "\""))
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case UInt8(ascii: "\n"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case UInt8(ascii: "\r"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case UInt8(ascii: "\t"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0..<0x20:
                bytes.append(contentsOf: Array("\\u00".utf8))
                bytes.append(hex[Int(byte >> 4)])
                bytes.append(hex[Int(byte & 0x0F)])
            default:
                bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
