import LoaCore
import LoaStore

/// Which scopes each role takes (SPEC §1), for tokens and staff accounts alike: a sender needs
/// hamlets or groups, a volunteer one or more hamlets, admins and auditors none.
public enum ScopeRules {
    /// Why `scopes` do not suit `role`, in words naming the flag `--scope`, or nil when they do.
    public static func refusal(role: TokenRecord.Role, scopes: [AudienceSelector]) -> String? {
        for scope in scopes {
            switch scope {
            case .hamlet, .group: continue
            case .all, .phone: return "--scope takes hamlet:NAME or group:NAME, not \(scope)"
            }
        }
        switch role {
        case .sender:
            return scopes.isEmpty ? "a sender needs at least one --scope hamlet:NAME or group:NAME" : nil
        case .volunteer:
            let hamletsOnly = scopes.allSatisfy { if case .hamlet = $0 { true } else { false } }
            return scopes.isEmpty || !hamletsOnly ? "a volunteer needs --scope hamlet:NAME (their hamlet), and hamlets only" : nil
        case .admin, .auditor:
            return scopes.isEmpty ? nil : "--scope applies to senders and volunteers only"
        }
    }
}
