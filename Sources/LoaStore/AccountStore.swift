import Foundation
import LoaCore

/// A staff member who signs in with a phone number (issue 19); acts through its own token row.
public struct AccountRecord: Sendable, Equatable {
    /// The store's id (nil before it is stored).
    public var id: Int64?
    public var phone: PhoneNumber
    public var name: String
    /// The bcrypt hash of the password; nil when the account signs in by one-time code only.
    public var passwordHash: String?
    /// The account's own token row: its role, scopes, sessions and notices.
    public var tokenID: Int64?
    public var role: TokenRecord.Role
    public var scopes: [AudienceSelector]
    public var createdAt: Date
    public var updatedAt: Date
    /// When an admin disabled it; a disabled account signs in nowhere.
    public var disabledAt: Date?

    public init(
        id: Int64? = nil, phone: PhoneNumber, name: String, passwordHash: String?, tokenID: Int64? = nil,
        role: TokenRecord.Role, scopes: [AudienceSelector], createdAt: Date, updatedAt: Date? = nil, disabledAt: Date? = nil
    ) {
        self.id = id
        self.phone = phone
        self.name = name
        self.passwordHash = passwordHash
        self.tokenID = tokenID
        self.role = role
        self.scopes = scopes
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
        self.disabledAt = disabledAt
    }

    /// The label of the account's token row, which the audit log shows as the actor.
    public var tokenLabel: String { Self.tokenLabel(phone) }

    /// `account:<E.164>`: how a phone's token row is labelled.
    public static func tokenLabel(_ phone: PhoneNumber) -> String { labelPrefix + phone.e164 }

    /// What every staff account's token label (and so its audit actor) starts with.
    public static let labelPrefix = "account:"
}

/// How a one-time sign-in code was taken.
public enum SignInCodeCheck: Sendable, Equatable {
    /// Right and in time: the code is used up.
    case accepted
    /// Wrong; `remaining` more tries before the code is void.
    case wrong(remaining: Int)
    /// No code waits for this account (never sent, used, expired or out of tries).
    case none
}

/// Staff accounts and their one-time sign-in codes (issue 19), every change audited.
public protocol AccountStore: Sendable {
    /// Stores an account and its token row (label `account:<phone>`, hash `tokenHash` of a secret
    /// nobody keeps) in one transaction; a phone that has an account already is a `conflict`.
    func createAccount(_ account: AccountRecord, tokenHash: String, actor: String) async throws -> AccountRecord

    /// Every account, in phone order.
    func accounts() async throws -> [AccountRecord]

    /// One account by id.
    func account(id: Int64) async throws -> AccountRecord?

    /// The account with this phone number.
    func account(phone: PhoneNumber) async throws -> AccountRecord?

    /// The account that acts through this token row.
    func account(tokenID: Int64) async throws -> AccountRecord?

    /// Changes the name, role and scopes (the token row too); returns the account as it now stands.
    func updateAccount(id: Int64, name: String, role: TokenRecord.Role, scopes: [AudienceSelector], actor: String, at now: Date)
        async throws -> AccountRecord

    /// Replaces the password hash (nil: code sign-in only); the hash never reaches the audit log.
    func setPassword(id: Int64, hash: String?, actor: String, at now: Date) async throws

    /// Disables the account, revokes its token and ends its sessions, in one transaction.
    func disableAccount(id: Int64, actor: String, at now: Date) async throws -> AccountRecord

    /// Enables a disabled account again: its token works again (sessions ended stay ended).
    func enableAccount(id: Int64, actor: String, at now: Date) async throws -> AccountRecord

    /// Keeps a new one-time code's hash for the account (replacing any earlier one) until `expiresAt`.
    func saveSignInCode(account id: Int64, codeHash: String, at now: Date, expiresAt: Date) async throws

    /// When the account's last code was sent, if one still waits.
    func signInCodeSentAt(account id: Int64) async throws -> Date?

    /// Checks a code against the one waiting: right and in time uses it up; wrong counts a try, and
    /// the last of ``SignInCodeCheck/tries`` tries voids it; a code past its time is void.
    func useSignInCode(account id: Int64, codeHash: String, at now: Date) async throws -> SignInCodeCheck
}

extension SignInCodeCheck {
    /// How many tries one code allows.
    public static let tries = 5
}

/// How an account maps to and from its stored columns, shared by both backends.
enum AccountColumns {
    /// The columns every account query selects: the account's own and its token's role and scopes.
    static let select = "SELECT a.*, t.role, t.scopes FROM accounts a JOIN tokens t ON t.id = a.token_id"

    static func account(from row: some StoredRow) throws -> AccountRecord? {
        guard let phone = PhoneNumber(e164: try row.text("phone")), let role = TokenRecord.Role(rawValue: try row.text("role")) else {
            return nil
        }
        return AccountRecord(
            id: try row.integer("id"), phone: phone, name: try row.text("name"), passwordHash: try row.optionalText("password_hash"),
            tokenID: try row.integer("token_id"), role: role,
            scopes: TextList.decode(try row.text("scopes")).compactMap { try? AudienceSelector(parsing: $0) },
            createdAt: Date(millis: try row.integer("created_at")), updatedAt: Date(millis: try row.integer("updated_at")),
            disabledAt: try row.optionalInteger("disabled_at").map(Date.init(millis:)))
    }

    /// The audit detail of an account's role and scopes (never a password or its hash).
    static func detail(_ account: AccountRecord) -> String {
        ([account.name, "role " + account.role.rawValue] + account.scopes.map(\.description)).joined(separator: " ")
    }

    static func duplicate(_ phone: PhoneNumber) -> StoreError {
        StoreError(.conflict, "phone \(phone.e164) already has an account")
    }

    static func missing(_ id: Int64) -> StoreError { StoreError(.notFound, "no account \(id)") }

    /// The answer to a code try against the stored row: void when late or out of tries, else by hash.
    static func check(stored: String, given: String, expiresAt: Int64, attempts: Int, at now: Date) -> SignInCodeCheck {
        guard now.millis < expiresAt, attempts < SignInCodeCheck.tries else { return .none }
        // Both are fixed-length hex hashes: compare every byte so the time tells nothing.
        let same = stored.utf8.count == given.utf8.count && zip(stored.utf8, given.utf8).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
        return same ? .accepted : .wrong(remaining: SignInCodeCheck.tries - attempts - 1)
    }
}
