/// Why a callback was refused; the server answers with `status` and changes nothing.
public struct CallbackError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// Missing, wrong or stale signature: 401.
        case unauthorized
        /// The body or query is not what this gateway sends: 400.
        case malformed
        /// This channel kind does not call back on this event: 404.
        case unsupported
    }

    public var kind: Kind
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// The HTTP status the server answers with.
    public var status: Int {
        switch kind {
        case .unauthorized: 401
        case .malformed: 400
        case .unsupported: 404
        }
    }

    public var description: String { message }
}
