/// A store failure that a user can act on; anything else is an underlying database error.
public struct StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        case notFound
        case invalidInput
        case conflict
        case unsupportedURL
        /// The database holds migrations of a newer `loa`; it was left untouched.
        case newerSchema
    }

    public let kind: Kind
    public let description: String

    public init(_ kind: Kind, _ description: String) {
        self.kind = kind
        self.description = description
    }

    static func notFound(_ what: String) -> StoreError { StoreError(.notFound, what) }
    static func invalid(_ what: String) -> StoreError { StoreError(.invalidInput, what) }
}
