import Foundation
import GRDB

extension SQLiteStore {
    public func createSession(_ session: SessionRecord) async throws {
        try await pool.write { db in
            try db.execute(sql: "DELETE FROM sessions WHERE expires_at <= ?", arguments: [session.createdAt.millis])
            try db.execute(
                sql: "INSERT INTO sessions (hash, token_id, created_at, seen_at, expires_at) VALUES (?, ?, ?, ?, ?)",
                arguments: [session.hash, session.tokenID, session.createdAt.millis, session.seenAt.millis, session.expiresAt.millis])
        }
    }

    public func session(hash: String, at now: Date, idle: TimeInterval) async throws -> SessionLookup? {
        let found: SessionLookup? = try await pool.read { db in
            guard
                let row = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT s.created_at AS session_created, s.seen_at, s.expires_at AS session_expires, t.*
                        FROM sessions s JOIN tokens t ON t.id = s.token_id WHERE s.hash = ?
                        """, arguments: [hash]),
                let token = try TokenColumns.token(from: row), let id = token.id
            else { return nil }
            let session = SessionRecord(
                hash: hash, tokenID: id, createdAt: Date(millis: row["session_created"]),
                seenAt: Date(millis: row["seen_at"]), expiresAt: Date(millis: row["session_expires"]))
            return SessionLookup(session: session, token: token)
        }
        guard var found else { return nil }
        guard found.session.isLive(at: now, idle: idle), found.token.isLive(at: now) else {
            try await deleteSession(hash: hash)
            return nil
        }
        if now.timeIntervalSince(found.session.seenAt) >= SessionRecord.seenGranularity {
            found.session.seenAt = now
            try await pool.write { db in
                try db.execute(sql: "UPDATE sessions SET seen_at = ? WHERE hash = ?", arguments: [now.millis, hash])
            }
        }
        return found
    }

    public func deleteSession(hash: String) async throws -> Bool {
        try await pool.write { db in
            try db.execute(sql: "DELETE FROM sessions WHERE hash = ?", arguments: [hash])
            return db.changesCount > 0
        }
    }
}
