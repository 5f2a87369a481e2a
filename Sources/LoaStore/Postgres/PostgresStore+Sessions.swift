import Foundation
import PostgresNIO

extension PostgresStore {
    public func createSession(_ session: SessionRecord) async throws {
        try await write { db in
            try await db.run("DELETE FROM sessions WHERE expires_at <= \(session.createdAt.millis)")
            try await db.run("""
                INSERT INTO sessions (hash, token_id, created_at, seen_at, expires_at)
                VALUES (\(session.hash), \(session.tokenID), \(session.createdAt.millis), \(session.seenAt.millis),
                        \(session.expiresAt.millis))
                """)
        }
    }

    public func session(hash: String, at now: Date, idle: TimeInterval) async throws -> SessionLookup? {
        let found: SessionLookup? = try await read { db in
            guard
                let row = try await db.rows("""
                    SELECT s.created_at AS session_created, s.seen_at, s.expires_at AS session_expires, t.*
                    FROM sessions s JOIN tokens t ON t.id = s.token_id WHERE s.hash = \(hash)
                    """).first,
                let token = try TokenColumns.token(from: row), let id = token.id
            else { return nil }
            let session = SessionRecord(
                hash: hash, tokenID: id, createdAt: Date(millis: try row["session_created"]),
                seenAt: Date(millis: try row["seen_at"]), expiresAt: Date(millis: try row["session_expires"]))
            return SessionLookup(session: session, token: token)
        }
        guard var found else { return nil }
        guard found.session.isLive(at: now, idle: idle), found.token.isLive(at: now) else {
            try await deleteSession(hash: hash)
            return nil
        }
        if now.timeIntervalSince(found.session.seenAt) >= SessionRecord.seenGranularity {
            found.session.seenAt = now
            try await write { db in try await db.run("UPDATE sessions SET seen_at = \(now.millis) WHERE hash = \(hash)") }
        }
        return found
    }

    public func deleteSession(hash: String) async throws -> Bool {
        try await write { db in try await db.run("DELETE FROM sessions WHERE hash = \(hash) RETURNING 1") > 0 }
    }
}
