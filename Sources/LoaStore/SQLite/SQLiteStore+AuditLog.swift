import Foundation
import GRDB

extension SQLiteStore {
    public func auditLog(_ query: AuditQuery) async throws -> [AuditEntry] {
        // An empty filter value stands for "any", so one statement serves every combination.
        let actor = query.actor ?? "", action = query.action ?? ""
        return try await pool.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT at, actor, action, subject, detail FROM audit_log
                    WHERE (? = '' OR actor = ?) AND (? = '' OR action = ?)
                    ORDER BY id DESC LIMIT ? OFFSET ?
                    """,
                arguments: [actor, actor, action, action, query.limit, query.offset]
            ).map { row in
                AuditEntry(
                    at: Date(millis: row["at"]), actor: row["actor"], action: row["action"],
                    subject: row["subject"], detail: row["detail"])
            }
        }
    }

    public func auditNames() async throws -> AuditNames {
        // Sorted here, not by the database, so both backends give the same order.
        try await pool.read { db in
            AuditNames(
                actors: try String.fetchAll(db, sql: "SELECT DISTINCT actor FROM audit_log").sorted(),
                actions: try String.fetchAll(db, sql: "SELECT DISTINCT action FROM audit_log").sorted())
        }
    }
}
