import LoaCore
import LoaStore

/// Who is calling the API, from their token, and what their role lets them do (SPEC §1).
public struct Identity: Sendable, Equatable {
    public var role: TokenRecord.Role
    public var scopes: [AudienceSelector]
    /// How the audit log and `created_by` name this caller: `token:<label>`.
    public var actor: String
    /// The stored token's id: what a sender's notices record as their owner.
    public var tokenID: Int64?

    public init(role: TokenRecord.Role, scopes: [AudienceSelector], actor: String, tokenID: Int64? = nil) {
        self.role = role
        self.scopes = scopes
        self.actor = actor
        self.tokenID = tokenID
    }

    /// The identity of a stored token; a staff account's token row names the person, `account:+84…`.
    public init(_ token: TokenRecord) {
        let label = token.label ?? String(token.hash.prefix(8))
        let account = label.hasPrefix(AccountRecord.labelPrefix)
        self.init(role: token.role, scopes: token.scopes, actor: account ? label : "token:" + label, tokenID: token.id)
    }

    /// Whether the caller signed in with a staff account (its actor is `account:+84…`), not an API token.
    public var isAccount: Bool { actor.hasPrefix(AccountRecord.labelPrefix) }

    /// Whether this caller's token created the notice. By token id, never by label: two tokens may
    /// once have shared a label, and a label names no one for sure.
    public func created(_ notice: Notice) -> Bool {
        tokenID != nil && notice.draft.createdByToken == tokenID
    }

    /// Admins and auditors read every notice; a sender only the notices it created; a volunteer
    /// none (only their hamlet's follow-up list).
    public func mayRead(_ notice: Notice) -> Bool {
        switch role {
        case .admin, .auditor: true
        case .sender: created(notice)
        case .volunteer: false
        }
    }

    /// Whether this caller may create notices at all (admins, and senders within their scope).
    public var maySend: Bool { role == .admin || role == .sender }

    /// Whether this caller may see and work the door-to-door list of `hamlet`: admins everywhere;
    /// volunteers and senders (hamlet heads) only for a hamlet their scope names.
    public func mayFollowUp(hamlet: String) -> Bool {
        switch role {
        case .admin: return true
        case .auditor: return false
        case .sender, .volunteer:
            return scopes.contains { if case .hamlet(let mine) = $0 { mine.nameKey == hamlet.nameKey } else { false } }
        }
    }

    /// Admins change anything; a sender only its own notices; auditors nothing.
    public func mayChange(_ notice: Notice) -> Bool {
        switch role {
        case .admin: true
        case .sender: created(notice)
        case .auditor, .volunteer: false
        }
    }

    /// Why this caller may not send to `audience`, or nil when it may: a sender only to the hamlets
    /// and groups its token names, selector by selector.
    public func refusal(toTarget audience: [AudienceSelector]) -> String? {
        switch role {
        case .admin: return nil
        case .auditor: return "an auditor cannot send notices"
        case .volunteer: return "a volunteer cannot send notices"
        case .sender:
            for selector in audience {
                let allowed = scopes.contains { scope in
                    switch (scope, selector) {
                    case (.hamlet(let mine), .hamlet(let wanted)), (.group(let mine), .group(let wanted)):
                        mine.nameKey == wanted.nameKey
                    default: false
                    }
                }
                if !allowed {
                    let scope = scopes.map(\.description).joined(separator: ", ")
                    return "this token may send only to \(scope.isEmpty ? "nobody" : scope), not to \(selector)"
                }
            }
            return nil
        }
    }
}
