import Foundation
import PostgresNIO

extension PostgresStore {
    public func recordStaffAction(actor: String, action: String, subject: String, detail: String?, at time: Date) async throws {
        try await write { db in
            try await Self.audit(db, actor: actor, action: action, subject: subject, detail: detail, at: time)
        }
    }
}
