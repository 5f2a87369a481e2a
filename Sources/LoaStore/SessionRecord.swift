import Foundation

/// A dashboard sign-in kept on the server (SPEC §5): the browser holds only a random id, the store
/// only that id's hash, so a copy of the database opens no session.
public struct SessionRecord: Sendable, Equatable {
    /// SHA-256 of the random session id, lower-case hex.
    public var hash: String
    /// The token the session signed in with; revoking it ends the session.
    public var tokenID: Int64
    public var createdAt: Date
    /// The last request seen; a session idle for longer than the caller's limit ends.
    public var seenAt: Date
    /// The absolute end, however busy the session is.
    public var expiresAt: Date

    public init(hash: String, tokenID: Int64, createdAt: Date, seenAt: Date? = nil, expiresAt: Date) {
        self.hash = hash
        self.tokenID = tokenID
        self.createdAt = createdAt
        self.seenAt = seenAt ?? createdAt
        self.expiresAt = expiresAt
    }

    /// Whether the session still holds at `now`: before its absolute end and seen less than `idle` ago.
    public func isLive(at now: Date, idle: TimeInterval) -> Bool {
        // In stored milliseconds, as the database compares them.
        now.millis < expiresAt.millis && now.millis - seenAt.millis < Int64(idle * 1000)
    }

    /// How stale `seenAt` may get before a request writes it again: a page every second costs no write.
    public static let seenGranularity: TimeInterval = 60
}

/// A live session and the token behind it, as a request sees them.
public struct SessionLookup: Sendable, Equatable {
    public var session: SessionRecord
    public var token: TokenRecord

    public init(session: SessionRecord, token: TokenRecord) {
        self.session = session
        self.token = token
    }
}
