import Foundation
import LoaCore
import LoaStore

/// Which hamlets a caller may work door to door, and the one a page shows: admins any hamlet (they
/// choose), volunteers and hamlet heads the hamlets their scope names (`?hamlet=` picks one).
struct FollowUpScope: Sendable {
    /// The hamlets offered in the chooser, as first written.
    let choices: [String]
    /// The hamlet shown; nil when an admin has not chosen yet.
    let hamlet: String?

    /// The scope of `identity` for a request asking for `wanted`; refuses callers with no hamlet.
    static func of(_ identity: Identity, wanted: String?, store: any Store) async throws -> FollowUpScope {
        let wanted = wanted.flatMap { $0.isEmpty ? nil : $0 }
        switch identity.role {
        case .admin:
            let hamlets = try await store.hamlets()
            return FollowUpScope(choices: hamlets, hamlet: wanted.flatMap { name in hamlets.first { $0.nameKey == name.nameKey } })
        case .sender, .volunteer:
            let mine = identity.scopes.compactMap { scope -> String? in if case .hamlet(let name) = scope { name } else { nil } }
            guard let first = mine.first else { throw DashboardRefusal(status: .forbidden, key: "forbidden") }
            guard let wanted else { return FollowUpScope(choices: mine, hamlet: first) }
            guard let chosen = mine.first(where: { $0.nameKey == wanted.nameKey }) else {
                throw DashboardRefusal(status: .forbidden, key: "fu.nothamlet")
            }
            return FollowUpScope(choices: mine, hamlet: chosen)
        case .auditor:
            throw DashboardRefusal(status: .forbidden, key: "forbidden")
        }
    }

    /// The convocations still waiting for acknowledgements at `now`: sent, not cancelled, not expired.
    static func openConvocations(_ notices: [Notice], now: Date) -> [Notice] {
        notices.filter { notice in
            notice.draft.kind == .convocation && notice.draft.ackRequired && notice.status != .cancelled
                && notice.draft.sendAt <= now && (notice.draft.expiresAt.map { $0 > now } ?? true)
        }
    }
}
