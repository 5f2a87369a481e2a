import Foundation
import LoaCore
import PostgresNIO

extension PostgresStore {
    public func createToken(_ token: TokenRecord, actor: String) async throws -> TokenRecord {
        try await write { db in
            // Two `token create` at once would both pass the label check: one at a time.
            try await db.run("SELECT pg_advisory_xact_lock(7402114)")
            let labels = try await db.rows("SELECT label FROM tokens WHERE label IS NOT NULL").map { try $0["label"] as String }
            if let label = token.label, let existing = TokenColumns.clash(label, among: labels) {
                throw TokenColumns.duplicate(label, existing)
            }
            let scopes = token.scopes.map(\.description)
            let id = try await db.value("""
                INSERT INTO tokens (hash, role, scopes, label, created_at, expires_at)
                VALUES (\(token.hash), \(token.role.rawValue), \(TextList.encode(scopes)), \(token.label),
                        \(token.createdAt.millis), \(token.expiresAt?.millis))
                RETURNING id
                """, as: Int64.self)
            var stored = token
            stored.id = id
            stored.revokedAt = nil
            try await Self.audit(db, actor: actor, action: "token.create", subject: token.role.rawValue, detail: TokenColumns.detail(token))
            return stored
        }
    }

    public func token(hash: String, at now: Date) async throws -> TokenRecord? {
        try await read { db in
            try await db.rows("""
                SELECT * FROM tokens
                WHERE hash = \(hash) AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > \(now.millis))
                """).first.flatMap(TokenColumns.token(from:))
        }
    }

    public func tokens() async throws -> [TokenRecord] {
        try await read { db in
            try await db.rows("SELECT * FROM tokens ORDER BY id").compactMap(TokenColumns.token(from:))
        }
    }

    public func revokeToken(id: Int64, actor: String, at now: Date) async throws -> TokenRecord? {
        try await write { db in
            let revoked = try await db.run("""
                UPDATE tokens SET revoked_at = \(now.millis) WHERE id = \(id) AND revoked_at IS NULL RETURNING 1
                """) > 0
            try await db.run("DELETE FROM sessions WHERE token_id = \(id)")
            guard let token = try await db.rows("SELECT * FROM tokens WHERE id = \(id)").first.flatMap(TokenColumns.token(from:))
            else { return nil }
            if revoked {
                try await Self.audit(db, actor: actor, action: "token.revoke", subject: String(id), detail: token.label, at: now)
            }
            return token
        }
    }
}
