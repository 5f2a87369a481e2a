import Foundation
import GRDB
import LoaCore

extension SQLiteStore {
    public func createToken(_ token: TokenRecord, actor: String) async throws -> TokenRecord {
        try await pool.write { db in
            // SQLite has one writer at a time, so the check and the insert cannot interleave with another.
            let labels = try String.fetchAll(db, sql: "SELECT label FROM tokens WHERE label IS NOT NULL")
            if let label = token.label, let existing = TokenColumns.clash(label, among: labels) {
                throw TokenColumns.duplicate(label, existing)
            }
            try db.execute(
                sql: "INSERT INTO tokens (hash, role, scopes, label, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [
                    token.hash, token.role.rawValue, TextList.encode(token.scopes.map(\.description)),
                    token.label, token.createdAt.millis, token.expiresAt?.millis,
                ])
            var stored = token
            stored.id = db.lastInsertedRowID
            stored.revokedAt = nil
            try Self.audit(db, actor: actor, action: "token.create", subject: token.role.rawValue, detail: TokenColumns.detail(token))
            return stored
        }
    }

    public func token(hash: String, at now: Date) async throws -> TokenRecord? {
        try await pool.read { db in
            try Row.fetchOne(
                db, sql: """
                    SELECT * FROM tokens WHERE hash = ? AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > ?)
                    """, arguments: [hash, now.millis]
            ).flatMap(TokenColumns.token(from:))
        }
    }

    public func tokens() async throws -> [TokenRecord] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM tokens ORDER BY id").compactMap(TokenColumns.token(from:))
        }
    }

    public func revokeToken(id: Int64, actor: String, at now: Date) async throws -> TokenRecord? {
        try await pool.write { db in
            try db.execute(sql: "UPDATE tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", arguments: [now.millis, id])
            let revoked = db.changesCount > 0
            try db.execute(sql: "DELETE FROM sessions WHERE token_id = ?", arguments: [id])
            guard let token = try Row.fetchOne(db, sql: "SELECT * FROM tokens WHERE id = ?", arguments: [id]).flatMap(TokenColumns.token(from:))
            else { return nil }
            if revoked {
                try Self.audit(db, actor: actor, action: "token.revoke", subject: String(id), detail: token.label, at: now)
            }
            return token
        }
    }
}
