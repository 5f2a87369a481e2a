import Foundation
import LoaCore
import PostgresNIO

extension PostgresStore {
    public func createAccount(_ account: AccountRecord, tokenHash: String, actor: String) async throws -> AccountRecord {
        try await write { db in
            // The same lock as `createToken`: two creations at once would both pass the checks.
            try await db.run("SELECT pg_advisory_xact_lock(7402114)")
            if try await db.run("SELECT 1 FROM accounts WHERE phone = \(account.phone.e164)") > 0 { throw AccountColumns.duplicate(account.phone) }
            let labels = try await db.rows("SELECT label FROM tokens WHERE label IS NOT NULL").map { try $0["label"] as String }
            if let existing = TokenColumns.clash(account.tokenLabel, among: labels) { throw TokenColumns.duplicate(account.tokenLabel, existing) }
            let scopes = TextList.encode(account.scopes.map(\.description))
            let tokenID = try await db.value("""
                INSERT INTO tokens (hash, role, scopes, label, created_at)
                VALUES (\(tokenHash), \(account.role.rawValue), \(scopes), \(account.tokenLabel), \(account.createdAt.millis))
                RETURNING id
                """, as: Int64.self)
            let id = try await db.value("""
                INSERT INTO accounts (phone, name, password_hash, token_id, created_at, updated_at)
                VALUES (\(account.phone.e164), \(account.name), \(account.passwordHash), \(tokenID), \(account.createdAt.millis),
                        \(account.createdAt.millis))
                RETURNING id
                """, as: Int64.self)
            var stored = account
            stored.id = id
            stored.tokenID = tokenID
            stored.updatedAt = account.createdAt
            stored.disabledAt = nil
            try await Self.audit(
                db, actor: actor, action: "account.create", subject: account.phone.e164, detail: AccountColumns.detail(account),
                at: account.createdAt)
            return stored
        }
    }

    public func accounts() async throws -> [AccountRecord] {
        try await read { db in
            try await db.rows(PostgresQuery(unsafeSQL: AccountColumns.select + " ORDER BY a.phone")).compactMap(AccountColumns.account(from:))
        }
    }

    public func account(id: Int64) async throws -> AccountRecord? {
        try await read { db in try await Self.account(db, where: "a.id", id) }
    }

    public func account(phone: PhoneNumber) async throws -> AccountRecord? {
        try await read { db in try await Self.account(db, where: "a.phone", phone.e164) }
    }

    public func account(tokenID: Int64) async throws -> AccountRecord? {
        try await read { db in try await Self.account(db, where: "a.token_id", tokenID) }
    }

    public func updateAccount(
        id: Int64, name: String, role: TokenRecord.Role, scopes: [AudienceSelector], actor: String, at now: Date
    ) async throws -> AccountRecord {
        try await write { db in
            guard var account = try await Self.account(db, where: "a.id", id, lock: true), let tokenID = account.tokenID else {
                throw AccountColumns.missing(id)
            }
            try await db.run("UPDATE accounts SET name = \(name), updated_at = \(now.millis) WHERE id = \(id)")
            let encoded = TextList.encode(scopes.map(\.description))
            try await db.run("UPDATE tokens SET role = \(role.rawValue), scopes = \(encoded) WHERE id = \(tokenID)")
            account.name = name
            account.role = role
            account.scopes = scopes
            account.updatedAt = now
            try await Self.audit(
                db, actor: actor, action: "account.update", subject: account.phone.e164, detail: AccountColumns.detail(account), at: now)
            return account
        }
    }

    public func setPassword(id: Int64, hash: String?, actor: String, at now: Date) async throws {
        try await write { db in
            guard let account = try await Self.account(db, where: "a.id", id, lock: true) else { throw AccountColumns.missing(id) }
            try await db.run("UPDATE accounts SET password_hash = \(hash), updated_at = \(now.millis) WHERE id = \(id)")
            try await Self.audit(
                db, actor: actor, action: "account.password", subject: account.phone.e164, detail: hash == nil ? "removed" : "set", at: now)
        }
    }

    public func disableAccount(id: Int64, actor: String, at now: Date) async throws -> AccountRecord {
        try await write { db in
            guard var account = try await Self.account(db, where: "a.id", id, lock: true), let tokenID = account.tokenID else {
                throw AccountColumns.missing(id)
            }
            guard account.disabledAt == nil else { return account }
            try await db.run("UPDATE accounts SET disabled_at = \(now.millis), updated_at = \(now.millis) WHERE id = \(id)")
            try await db.run("UPDATE tokens SET revoked_at = \(now.millis) WHERE id = \(tokenID)")
            try await db.run("DELETE FROM sessions WHERE token_id = \(tokenID)")
            try await db.run("DELETE FROM sign_in_codes WHERE account_id = \(id)")
            account.disabledAt = now
            account.updatedAt = now
            try await Self.audit(db, actor: actor, action: "account.disable", subject: account.phone.e164, detail: account.name, at: now)
            return account
        }
    }

    public func enableAccount(id: Int64, actor: String, at now: Date) async throws -> AccountRecord {
        try await write { db in
            guard var account = try await Self.account(db, where: "a.id", id, lock: true), let tokenID = account.tokenID else {
                throw AccountColumns.missing(id)
            }
            guard account.disabledAt != nil else { return account }
            try await db.run("UPDATE accounts SET disabled_at = NULL, updated_at = \(now.millis) WHERE id = \(id)")
            try await db.run("UPDATE tokens SET revoked_at = NULL WHERE id = \(tokenID)")
            account.disabledAt = nil
            account.updatedAt = now
            try await Self.audit(db, actor: actor, action: "account.enable", subject: account.phone.e164, detail: account.name, at: now)
            return account
        }
    }

    public func saveSignInCode(account id: Int64, codeHash: String, at now: Date, expiresAt: Date) async throws {
        try await write { db in
            guard let account = try await Self.account(db, where: "a.id", id, lock: true) else { throw AccountColumns.missing(id) }
            try await db.run("""
                INSERT INTO sign_in_codes (account_id, code_hash, sent_at, expires_at, attempts)
                VALUES (\(id), \(codeHash), \(now.millis), \(expiresAt.millis), 0)
                ON CONFLICT (account_id) DO UPDATE SET code_hash = excluded.code_hash, sent_at = excluded.sent_at,
                    expires_at = excluded.expires_at, attempts = 0
                """)
            try await Self.audit(db, actor: account.tokenLabel, action: "account.code.send", subject: account.phone.e164, detail: nil, at: now)
        }
    }

    public func signInCodeSentAt(account id: Int64) async throws -> Date? {
        try await read { db in
            try await db.value("SELECT sent_at FROM sign_in_codes WHERE account_id = \(id)", as: Int64.self).map(Date.init(millis:))
        }
    }

    public func useSignInCode(account id: Int64, codeHash: String, at now: Date) async throws -> SignInCodeCheck {
        try await write { db in
            guard let account = try await Self.account(db, where: "a.id", id, lock: true),
                let row = try await db.rows("SELECT * FROM sign_in_codes WHERE account_id = \(id) FOR UPDATE").first
            else { return .none }
            let attempts: Int32 = try row["attempts"]
            let check = AccountColumns.check(
                stored: try row["code_hash"], given: codeHash, expiresAt: try row["expires_at"], attempts: Int(attempts), at: now)
            switch check {
            case .wrong(let remaining) where remaining > 0:
                try await db.run("UPDATE sign_in_codes SET attempts = attempts + 1 WHERE account_id = \(id)")
            case .accepted, .none, .wrong:
                try await db.run("DELETE FROM sign_in_codes WHERE account_id = \(id)")
            }
            if check == .accepted {
                try await Self.audit(db, actor: account.tokenLabel, action: "account.code.use", subject: account.phone.e164, detail: nil, at: now)
            }
            return check
        }
    }

    private static func account(
        _ db: PostgresConnection, where column: String, _ value: some PostgresDynamicTypeEncodable, lock: Bool = false
    ) async throws -> AccountRecord? {
        // The column name is one of this file's literals; only the value is bound.
        var query = PostgresQuery(unsafeSQL: AccountColumns.select + " WHERE \(column) = $1" + (lock ? " FOR UPDATE OF a" : ""))
        query.binds = .of(value)
        return try await db.rows(query).first.flatMap(AccountColumns.account(from:))
    }
}
