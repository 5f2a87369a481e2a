import Foundation
import GRDB
import LoaCore

extension SQLiteStore {
    public func createAccount(_ account: AccountRecord, tokenHash: String, actor: String) async throws -> AccountRecord {
        try await pool.write { db in
            // One writer at a time: the checks and the inserts cannot interleave with another's.
            if try Row.fetchOne(db, sql: "SELECT 1 FROM accounts WHERE phone = ?", arguments: [account.phone.e164]) != nil {
                throw AccountColumns.duplicate(account.phone)
            }
            let labels = try String.fetchAll(db, sql: "SELECT label FROM tokens WHERE label IS NOT NULL")
            if let existing = TokenColumns.clash(account.tokenLabel, among: labels) { throw TokenColumns.duplicate(account.tokenLabel, existing) }
            try db.execute(
                sql: "INSERT INTO tokens (hash, role, scopes, label, created_at) VALUES (?, ?, ?, ?, ?)",
                arguments: [
                    tokenHash, account.role.rawValue, TextList.encode(account.scopes.map(\.description)), account.tokenLabel,
                    account.createdAt.millis,
                ])
            let tokenID = db.lastInsertedRowID
            try db.execute(
                sql: "INSERT INTO accounts (phone, name, password_hash, token_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [account.phone.e164, account.name, account.passwordHash, tokenID, account.createdAt.millis, account.createdAt.millis])
            var stored = account
            stored.id = db.lastInsertedRowID
            stored.tokenID = tokenID
            stored.updatedAt = account.createdAt
            stored.disabledAt = nil
            try Self.audit(
                db, actor: actor, action: "account.create", subject: account.phone.e164, detail: AccountColumns.detail(account),
                at: account.createdAt)
            return stored
        }
    }

    public func accounts() async throws -> [AccountRecord] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: AccountColumns.select + " ORDER BY a.phone").compactMap(AccountColumns.account(from:))
        }
    }

    public func account(id: Int64) async throws -> AccountRecord? {
        try await pool.read { db in try Self.account(db, where: "a.id = ?", id) }
    }

    public func account(phone: PhoneNumber) async throws -> AccountRecord? {
        try await pool.read { db in try Self.account(db, where: "a.phone = ?", phone.e164) }
    }

    public func account(tokenID: Int64) async throws -> AccountRecord? {
        try await pool.read { db in try Self.account(db, where: "a.token_id = ?", tokenID) }
    }

    public func updateAccount(
        id: Int64, name: String, role: TokenRecord.Role, scopes: [AudienceSelector], actor: String, at now: Date
    ) async throws -> AccountRecord {
        try await pool.write { db in
            guard var account = try Self.account(db, where: "a.id = ?", id), let tokenID = account.tokenID else { throw AccountColumns.missing(id) }
            try db.execute(sql: "UPDATE accounts SET name = ?, updated_at = ? WHERE id = ?", arguments: [name, now.millis, id])
            try db.execute(
                sql: "UPDATE tokens SET role = ?, scopes = ? WHERE id = ?",
                arguments: [role.rawValue, TextList.encode(scopes.map(\.description)), tokenID])
            account.name = name
            account.role = role
            account.scopes = scopes
            account.updatedAt = now
            try Self.audit(db, actor: actor, action: "account.update", subject: account.phone.e164, detail: AccountColumns.detail(account), at: now)
            return account
        }
    }

    public func setPassword(id: Int64, hash: String?, actor: String, at now: Date) async throws {
        try await pool.write { db in
            guard let account = try Self.account(db, where: "a.id = ?", id) else { throw AccountColumns.missing(id) }
            try db.execute(sql: "UPDATE accounts SET password_hash = ?, updated_at = ? WHERE id = ?", arguments: [hash, now.millis, id])
            try Self.audit(
                db, actor: actor, action: "account.password", subject: account.phone.e164, detail: hash == nil ? "removed" : "set", at: now)
        }
    }

    public func disableAccount(id: Int64, actor: String, at now: Date) async throws -> AccountRecord {
        try await pool.write { db in
            guard var account = try Self.account(db, where: "a.id = ?", id), let tokenID = account.tokenID else { throw AccountColumns.missing(id) }
            guard account.disabledAt == nil else { return account }
            try db.execute(sql: "UPDATE accounts SET disabled_at = ?, updated_at = ? WHERE id = ?", arguments: [now.millis, now.millis, id])
            try db.execute(sql: "UPDATE tokens SET revoked_at = ? WHERE id = ?", arguments: [now.millis, tokenID])
            try db.execute(sql: "DELETE FROM sessions WHERE token_id = ?", arguments: [tokenID])
            try db.execute(sql: "DELETE FROM sign_in_codes WHERE account_id = ?", arguments: [id])
            account.disabledAt = now
            account.updatedAt = now
            try Self.audit(db, actor: actor, action: "account.disable", subject: account.phone.e164, detail: account.name, at: now)
            return account
        }
    }

    public func enableAccount(id: Int64, actor: String, at now: Date) async throws -> AccountRecord {
        try await pool.write { db in
            guard var account = try Self.account(db, where: "a.id = ?", id), let tokenID = account.tokenID else { throw AccountColumns.missing(id) }
            guard account.disabledAt != nil else { return account }
            try db.execute(sql: "UPDATE accounts SET disabled_at = NULL, updated_at = ? WHERE id = ?", arguments: [now.millis, id])
            try db.execute(sql: "UPDATE tokens SET revoked_at = NULL WHERE id = ?", arguments: [tokenID])
            account.disabledAt = nil
            account.updatedAt = now
            try Self.audit(db, actor: actor, action: "account.enable", subject: account.phone.e164, detail: account.name, at: now)
            return account
        }
    }

    public func saveSignInCode(account id: Int64, codeHash: String, at now: Date, expiresAt: Date) async throws {
        try await pool.write { db in
            guard let account = try Self.account(db, where: "a.id = ?", id) else { throw AccountColumns.missing(id) }
            try db.execute(
                sql: """
                    INSERT INTO sign_in_codes (account_id, code_hash, sent_at, expires_at, attempts) VALUES (?, ?, ?, ?, 0)
                    ON CONFLICT (account_id) DO UPDATE SET code_hash = excluded.code_hash, sent_at = excluded.sent_at,
                        expires_at = excluded.expires_at, attempts = 0
                    """, arguments: [id, codeHash, now.millis, expiresAt.millis])
            try Self.audit(db, actor: account.tokenLabel, action: "account.code.send", subject: account.phone.e164, detail: nil, at: now)
        }
    }

    public func signInCodeSentAt(account id: Int64) async throws -> Date? {
        try await pool.read { db in
            try Int64.fetchOne(db, sql: "SELECT sent_at FROM sign_in_codes WHERE account_id = ?", arguments: [id]).map(Date.init(millis:))
        }
    }

    public func useSignInCode(account id: Int64, codeHash: String, at now: Date) async throws -> SignInCodeCheck {
        try await pool.write { db in
            guard let account = try Self.account(db, where: "a.id = ?", id),
                let row = try Row.fetchOne(db, sql: "SELECT * FROM sign_in_codes WHERE account_id = ?", arguments: [id])
            else { return .none }
            let stored: String = row["code_hash"]
            let expires: Int64 = row["expires_at"]
            let attempts: Int = row["attempts"]
            let check = AccountColumns.check(stored: stored, given: codeHash, expiresAt: expires, attempts: attempts, at: now)
            switch check {
            case .wrong(let remaining) where remaining > 0:
                try db.execute(sql: "UPDATE sign_in_codes SET attempts = attempts + 1 WHERE account_id = ?", arguments: [id])
            case .accepted, .none, .wrong:
                try db.execute(sql: "DELETE FROM sign_in_codes WHERE account_id = ?", arguments: [id])
            }
            if check == .accepted {
                try Self.audit(db, actor: account.tokenLabel, action: "account.code.use", subject: account.phone.e164, detail: nil, at: now)
            }
            return check
        }
    }

    private static func account(_ db: Database, where condition: String, _ value: some DatabaseValueConvertible) throws -> AccountRecord? {
        try Row.fetchOne(db, sql: AccountColumns.select + " WHERE " + condition, arguments: [value]).flatMap(AccountColumns.account(from:))
    }
}
