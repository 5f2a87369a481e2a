/// Builds small JSON objects by hand: adapters encode one body per message on the hot path, where
/// `JSONEncoder` costs more than the rest of the request.
public struct JSONText {
    private var text = "{"
    private var first = true

    public init() {}

    public mutating func add(_ key: String, _ value: String?) {
        guard let value else { return }
        separator(key)
        Self.appendQuoted(value, to: &text)
    }

    public mutating func add(_ key: String, _ value: Int64) {
        separator(key)
        text += String(value)
    }

    public mutating func add(_ key: String, _ value: Bool) {
        separator(key)
        text += value ? "true" : "false"
    }

    /// A nested object, written by `body`.
    public mutating func add(_ key: String, object body: (inout JSONText) -> Void) {
        separator(key)
        var nested = JSONText()
        body(&nested)
        text += nested.finished
    }

    public var finished: String { text + "}" }

    private mutating func separator(_ key: String) {
        if !first { text += "," }
        first = false
        Self.appendQuoted(key, to: &text)
        text += ":"
    }

    /// Appends `value` as a JSON string; only `"`, `\` and control characters are escaped, so
    /// Vietnamese stays readable UTF-8.
    public static func appendQuoted(_ value: String, to text: inout String) {
        text += "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: text.unicodeScalars.append(scalar)
            }
        }
        text += "\""
    }
}
