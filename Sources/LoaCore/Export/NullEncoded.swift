/// An optional field that a JSON answer always carries: `nil` is written as `null`, never left out.
///
/// SPEC §3 ("every JSON object keeps its keys"). Synthesized `Encodable` skips a nil optional
/// (`encodeIfPresent`), but it encodes this wrapper like any other value, and the wrapper writes
/// `null` itself. Mark each optional of an output type with it:
/// `@NullEncoded var lastError: String?`.
@propertyWrapper
public struct NullEncoded<Wrapped> {
    /// The field's value; `nil` is encoded as `null`.
    public var wrappedValue: Wrapped?

    public init(wrappedValue: Wrapped?) {
        self.wrappedValue = wrappedValue
    }
}

extension NullEncoded: Encodable where Wrapped: Encodable {
    /// Writes the value, or `null` when there is none.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let wrappedValue {
            try container.encode(wrappedValue)
        } else {
            try container.encodeNil()
        }
    }
}

extension NullEncoded: Sendable where Wrapped: Sendable {}
extension NullEncoded: Equatable where Wrapped: Equatable {}
extension NullEncoded: Hashable where Wrapped: Hashable {}
