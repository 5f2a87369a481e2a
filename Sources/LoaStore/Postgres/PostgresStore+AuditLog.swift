import Foundation
import PostgresNIO

extension PostgresStore {
    public func auditLog(_ query: AuditQuery) async throws -> [AuditEntry] {
        // An empty filter value stands for "any", so one statement serves every combination.
        let actor = query.actor ?? "", action = query.action ?? ""
        return try await read { db in
            try await db.rows("""
                SELECT at, actor, action, subject, detail FROM audit_log
                WHERE (\(actor) = '' OR actor = \(actor)) AND (\(action) = '' OR action = \(action))
                ORDER BY id DESC LIMIT \(query.limit) OFFSET \(query.offset)
                """
            ).map { row in
                AuditEntry(
                    at: Date(millis: try row["at"]), actor: try row["actor"], action: try row["action"],
                    subject: try row["subject"], detail: try row["detail"])
            }
        }
    }

    public func auditNames() async throws -> AuditNames {
        try await read { db in
            // Sorted here, not by the database's locale, so both backends give the same order.
            AuditNames(
                actors: try await db.rows("SELECT DISTINCT actor FROM audit_log").map { try $0["actor"] as String }.sorted(),
                actions: try await db.rows("SELECT DISTINCT action FROM audit_log").map { try $0["action"] as String }.sorted())
        }
    }
}
