import LoaCore

/// Builds one JSON object as UTF-8 bytes, in the order fields are added; faster than an encoder
/// for the small, fixed shapes a gateway answers with, and exact about what gets signed.
struct JSONWriter {
    private(set) var bytes: [UInt8] = [UInt8(ascii: "{")]
    private var needsComma = false

    /// Adds a string field (escaped as JSON requires).
    mutating func add(_ name: String, _ value: String) {
        key(name)
        JSONEscaping.appendQuoted(value, to: &bytes)
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

    /// Adds a boolean field.
    mutating func add(_ name: String, _ value: Bool) {
        key(name)
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
    }

    /// Adds a field whose value is an array of objects, each written by `build` from one item.
    mutating func add<Item>(_ name: String, array items: [Item], build: (Item, inout JSONWriter) -> Void) {
        key(name)
        bytes.append(UInt8(ascii: "["))
        for (index, item) in items.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            var nested = JSONWriter()
            build(item, &nested)
            bytes.append(contentsOf: nested.finished)
        }
        bytes.append(UInt8(ascii: "]"))
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
        JSONEscaping.appendQuoted(name, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
    }
}
