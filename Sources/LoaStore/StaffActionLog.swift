import Foundation

/// Audits a staff action that changes no stored row of its own (a channel's test send): who did
/// what to which subject, and how it went.
public protocol StaffActionLog: Sendable {
    /// Appends one `audit_log` entry.
    func recordStaffAction(actor: String, action: String, subject: String, detail: String?, at: Date) async throws
}
