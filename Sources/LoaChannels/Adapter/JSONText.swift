import LoaCore

/// Builds small JSON objects by hand, as UTF-8 bytes: adapters encode one body per message on the
/// hot path, where `JSONEncoder` costs more than the rest of the request.
public struct JSONText {
    private var bytes: [UInt8] = [UInt8(ascii: "{")]
    private var first = true

    public init() {
        bytes.reserveCapacity(512)
    }

    public mutating func add(_ key: String, _ value: String?) {
        guard let value else { return }
        separator(key)
        Self.appendQuoted(value, to: &bytes)
    }

    public mutating func add(_ key: String, _ value: Int64) {
        separator(key)
        bytes.append(contentsOf: String(value).utf8)
    }

    public mutating func add(_ key: String, _ value: Bool) {
        separator(key)
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
    }

    /// A nested object, written by `body`.
    public mutating func add(_ key: String, object body: (inout JSONText) -> Void) {
        separator(key)
        var nested = JSONText()
        body(&nested)
        bytes.append(contentsOf: nested.finishedBytes)
    }

    /// The object as UTF-8 bytes, ready to be a request body.
    public var finishedBytes: [UInt8] { bytes + [UInt8(ascii: "}")] }

    /// The object as text.
    public var finished: String { String(decoding: finishedBytes, as: UTF8.self) }

    private mutating func separator(_ key: String) {
        if !first { bytes.append(UInt8(ascii: ",")) }
        first = false
        Self.appendQuoted(key, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
    }

    /// `JSONEscaping.appendQuoted`, with the common case (nothing to escape) copied in one go
    /// instead of byte by byte: this runs for every field of every message sent.
    private static func appendQuoted(_ value: String, to bytes: inout [UInt8]) {
        var value = value
        let copied = value.withUTF8 { utf8 -> Bool in
            guard !utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") })
            else { return false }
            bytes.append(UInt8(ascii: "\""))
            bytes.append(contentsOf: utf8)
            bytes.append(UInt8(ascii: "\""))
            return true
        }
        if !copied { JSONEscaping.appendQuoted(value, to: &bytes) }
    }
}
