import Foundation

/// Any JSON value, compared by meaning: key order and number spelling do not matter.
///
/// Fixtures hold request and reply bodies as these, so a test compares what an adapter sent
/// with what the fixture expects as parsed JSON, never as strings.
public enum JSONValue: Sendable, Hashable, Codable, CustomStringConvertible {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .number(let value):
            // Whole numbers as integers, so a scripted reply reads `"CountRegenerate":0`, not `0.0`.
            if value.rounded() == value, abs(value) < 1e15 {
                try container.encode(Int64(value))
            } else {
                try container.encode(value)
            }
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }

    /// Parses `bytes` as JSON, or nil when they are not JSON.
    public static func parse(_ bytes: [UInt8]) -> JSONValue? {
        try? JSONDecoder().decode(JSONValue.self, from: Data(bytes))
    }

    /// Compact UTF-8 JSON with sorted keys.
    public var encoded: [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? Array(encoder.encode(self))) ?? Array("null".utf8)
    }

    /// The value as compact JSON with sorted keys, for failure messages.
    public var description: String { String(decoding: encoded, as: UTF8.self) }

    /// The string inside `.string`, else nil.
    public var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// The members of `.object`, else nil.
    public var objectValue: [String: JSONValue]? {
        if case .object(let value) = self { return value }
        return nil
    }

    /// The paths (`template_data.title`, `[2]`) where `self` and `other` differ, for failure messages.
    public func differences(from other: JSONValue, at path: String = "") -> [String] {
        switch (self, other) {
        case (.object(let mine), .object(let theirs)):
            return Set(mine.keys).union(theirs.keys).sorted().flatMap { key -> [String] in
                let child = path.isEmpty ? key : path + "." + key
                switch (mine[key], theirs[key]) {
                case (let a?, let b?): return a.differences(from: b, at: child)
                case (nil, let b?): return ["\(child): missing, expected \(b)"]
                case (let a?, nil): return ["\(child): unexpected \(a)"]
                case (nil, nil): return []
                }
            }
        case (.array(let mine), .array(let theirs)) where mine.count == theirs.count:
            return zip(mine, theirs).enumerated().flatMap { index, pair in
                pair.0.differences(from: pair.1, at: path + "[\(index)]")
            }
        default:
            return self == other ? [] : ["\(path.isEmpty ? "body" : path): \(self), expected \(other)"]
        }
    }
}
