/// A parsed JSON document, read loosely the way a tolerant gateway reads its requests.
enum JSONValue: Sendable, Hashable {
    case string(String)
    case integer(Int64)
    case number(Double)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([String: JSONValue])

    /// Parses `bytes`, or returns nil when they are not exactly one JSON value.
    static func parse(_ bytes: [UInt8]) -> JSONValue? {
        var parser = JSONParser(bytes)
        return parser.document()
    }

    /// The member called `name` when this is an object.
    subscript(name: String) -> JSONValue? {
        if case .object(let members) = self { return members[name] }
        return nil
    }

    /// The members when this is an object.
    var members: [String: JSONValue]? {
        if case .object(let members) = self { return members }
        return nil
    }

    /// The text of a string, integer or boolean scalar (gateways accept `"1"` and `1` alike);
    /// nil for anything else.
    var scalarText: String? {
        switch self {
        case .string(let text): text
        case .integer(let value): String(value)
        case .number(let value) where value == value.rounded() && abs(value) < 1e15: String(Int64(value))
        case .number(let value): String(value)
        case .bool(let value): value ? "1" : "0"
        case .null, .array, .object: nil
        }
    }
}
