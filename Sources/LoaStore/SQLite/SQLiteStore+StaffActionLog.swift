import Foundation
import GRDB

extension SQLiteStore {
    public func recordStaffAction(actor: String, action: String, subject: String, detail: String?, at time: Date) async throws {
        try await pool.write { db in
            try Self.audit(db, actor: actor, action: action, subject: subject, detail: detail, at: time)
        }
    }
}
