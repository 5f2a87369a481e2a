import Foundation
import LoaCore
import LoaStore
import Testing

/// Store contract for staff accounts and one-time sign-in codes (issue 19), on both backends.
@Suite("Store contract: accounts and sign-in codes")
struct AccountStoreTests {
    static let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    static func account(_ phone: String, role: TokenRecord.Role = .sender, scopes: [AudienceSelector] = [.hamlet("Thông Nhất")])
        -> AccountRecord
    {
        AccountRecord(phone: Sample.phone(phone), name: "Trưởng thôn", passwordHash: "$2b$10$hash", role: role, scopes: scopes, createdAt: t0)
    }

    static func hash() -> String {
        (UUID().uuidString + UUID().uuidString).replacingOccurrences(of: "-", with: "").lowercased()
    }

    @Test(arguments: StoreBackend.available)
    func anAccountActsThroughItsOwnTokenRow(backend: StoreBackend) async throws {
        let store = try await backend.makeStore()
        let tokenHash = Self.hash()
        let created = try await store.createAccount(Self.account("0912345678"), tokenHash: tokenHash, actor: "token:admin")
        let tokenID = try #require(created.tokenID)
        let token = try #require(try await store.token(hash: tokenHash, at: Self.t0))
        #expect(token.id == tokenID)
        #expect(token.role == .sender)
        #expect(token.scopes == [.hamlet("Thông Nhất")])
        #expect(token.label == "account:+84912345678")
        #expect(try await store.account(phone: Sample.phone("+84912345678")) == created)
        #expect(try await store.account(tokenID: tokenID)?.id == created.id)
        #expect(try await store.accounts() == [created])

        await #expect(throws: StoreError.self, "one account per phone") {
            try await store.createAccount(Self.account("+84912345678", role: .admin), tokenHash: Self.hash(), actor: "token:admin")
        }
        #expect(try await store.tokens().count == 1, "the refused account left no token row")
        let entry = try #require(try await store.auditLog(limit: 10).first)
        #expect(entry.actor == "token:admin")
        #expect(entry.action == "account.create")
        #expect(entry.subject == "+84912345678")
        #expect(entry.detail?.contains("hash") == false)
    }

    @Test(arguments: StoreBackend.available)
    func editingChangesTheTokenAndDisablingEndsSessionsAtOnce(backend: StoreBackend) async throws {
        let store = try await backend.makeStore()
        let tokenHash = Self.hash()
        let created = try await store.createAccount(Self.account("0987654321"), tokenHash: tokenHash, actor: "test")
        let id = try #require(created.id)
        let tokenID = try #require(created.tokenID)

        let edited = try await store.updateAccount(
            id: id, name: "Chị Bình", role: .volunteer, scopes: [.hamlet("Đồng Tâm")], actor: "account:+84900000001", at: Self.t0 + 5)
        #expect(edited.name == "Chị Bình")
        #expect(try await store.token(hash: tokenHash, at: Self.t0 + 6)?.role == .volunteer)
        #expect(try await store.token(hash: tokenHash, at: Self.t0 + 6)?.scopes == [.hamlet("Đồng Tâm")])

        try await store.createSession(SessionRecord(hash: "s-acc", tokenID: tokenID, createdAt: Self.t0, expiresAt: Self.t0 + 43_200))
        #expect(try await store.session(hash: "s-acc", at: Self.t0 + 10, idle: 7200) != nil)
        let disabled = try await store.disableAccount(id: id, actor: "account:+84900000001", at: Self.t0 + 20)
        #expect(disabled.disabledAt == Self.t0 + 20)
        #expect(try await store.token(hash: tokenHash, at: Self.t0 + 21) == nil, "its token stops at once")
        #expect(try await store.session(hash: "s-acc", at: Self.t0 + 21, idle: 7200) == nil, "its session ends at once")
        #expect(try await store.account(id: id)?.disabledAt == Self.t0 + 20)

        let enabled = try await store.enableAccount(id: id, actor: "account:+84900000001", at: Self.t0 + 30)
        #expect(enabled.disabledAt == nil)
        #expect(try await store.token(hash: tokenHash, at: Self.t0 + 31)?.id == tokenID)
        #expect(try await store.session(hash: "s-acc", at: Self.t0 + 31, idle: 7200) == nil, "an ended session stays ended")

        try await store.setPassword(id: id, hash: "$2b$10$new", actor: "account:+84987654321", at: Self.t0 + 40)
        #expect(try await store.account(id: id)?.passwordHash == "$2b$10$new")
        await #expect(throws: StoreError.self) { try await store.setPassword(id: 9_999, hash: nil, actor: "t", at: Self.t0) }

        let audit = try await store.auditLog(limit: 10)
        #expect(Array(audit.prefix(4).map(\.action)) == ["account.password", "account.enable", "account.disable", "account.update"])
        #expect(audit.prefix(4).allSatisfy { $0.subject == "+84987654321" })
        #expect(audit[0].detail == "set", "never the hash")
        #expect(audit[1].actor == "account:+84900000001")
    }

    @Test(arguments: StoreBackend.available)
    func aCodeIsSingleUseExpiresAndAllowsFiveTries(backend: StoreBackend) async throws {
        let store = try await backend.makeStore()
        let id = try #require(try await store.createAccount(Self.account("0901234567"), tokenHash: Self.hash(), actor: "test").id)
        #expect(try await store.useSignInCode(account: id, codeHash: "h1", at: Self.t0) == .none, "no code sent")

        try await store.saveSignInCode(account: id, codeHash: "h1", at: Self.t0, expiresAt: Self.t0 + 600)
        #expect(try await store.signInCodeSentAt(account: id) == Self.t0)
        #expect(try await store.useSignInCode(account: id, codeHash: "h2", at: Self.t0 + 1) == .wrong(remaining: 4))
        #expect(try await store.useSignInCode(account: id, codeHash: "h1", at: Self.t0 + 2) == .accepted)
        #expect(try await store.useSignInCode(account: id, codeHash: "h1", at: Self.t0 + 3) == .none, "used up")

        try await store.saveSignInCode(account: id, codeHash: "h3", at: Self.t0 + 10, expiresAt: Self.t0 + 610)
        #expect(try await store.useSignInCode(account: id, codeHash: "h3", at: Self.t0 + 610) == .none, "expired")

        try await store.saveSignInCode(account: id, codeHash: "h4", at: Self.t0 + 20, expiresAt: Self.t0 + 620)
        for remaining in (0..<5).reversed() {
            #expect(try await store.useSignInCode(account: id, codeHash: "bad", at: Self.t0 + 21) == .wrong(remaining: remaining))
        }
        #expect(try await store.useSignInCode(account: id, codeHash: "h4", at: Self.t0 + 22) == .none, "five wrong tries void it")
        #expect(try await store.signInCodeSentAt(account: id) == nil)

        try await store.saveSignInCode(account: id, codeHash: "h5", at: Self.t0 + 30, expiresAt: Self.t0 + 630)
        _ = try await store.disableAccount(id: id, actor: "test", at: Self.t0 + 31)
        #expect(try await store.useSignInCode(account: id, codeHash: "h5", at: Self.t0 + 32) == .none, "disabling voids a waiting code")

        let actions = try await store.auditLog(limit: 20).map(\.action)
        #expect(actions.filter { $0 == "account.code.send" }.count == 4)
        #expect(actions.filter { $0 == "account.code.use" }.count == 1)
        #expect(try await store.auditLog(limit: 20).allSatisfy { $0.detail?.contains("h1") != true }, "no code hash in the log")
    }
}
