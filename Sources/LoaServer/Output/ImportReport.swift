import LoaCore
import LoaStore

/// `residents import`'s answer (SPEC §3 JSON shape).
public struct ImportReport: Encodable, Sendable {
    public struct Rejected: Encodable, Sendable {
        public let line: Int
        public let reason: String
    }

    public let added: Int
    public let updated: Int
    public let unchanged: Int
    public let rejected: [Rejected]
    public let dryRun: Bool

    public init(counts: ImportCounts, rejected: [ResidentRejection], dryRun: Bool) {
        added = counts.added
        updated = counts.updated
        unchanged = counts.unchanged
        self.rejected = rejected.map { Rejected(line: $0.line, reason: $0.reason) }
        self.dryRun = dryRun
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case added, updated, unchanged, rejected
        case dryRun = "dry_run"
    }

    /// One line for people: what changed (or would have, in a dry run).
    public var summary: String {
        (dryRun ? "dry run, nothing written: would have " : "")
            + "added \(added), updated \(updated), unchanged \(unchanged), rejected \(rejected.count)"
    }
}
