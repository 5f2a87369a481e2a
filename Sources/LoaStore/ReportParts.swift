import Foundation
import LoaCore

/// Grouped counts per key (in first-seen order) and their sum, folded from a backend's
/// `key, state, unreachable, n, opened, segments` rows.
struct Partition {
    var rows: [(key: String, counts: ReachCounts)] = []
    var totals = ReachCounts()
    var segments = 0
    private var positions: [String: Int] = [:]

    mutating func add(key: String, state: MessageState, unreachable: Bool, opened: Int, count: Int, segments: Int) {
        let position: Int
        if let known = positions[key] {
            position = known
        } else {
            position = rows.count
            positions[key] = position
            rows.append((key, ReachCounts()))
        }
        rows[position].counts.add(state, unreachable: unreachable, opened: opened, count: count)
        totals.add(state, unreachable: unreachable, opened: opened, count: count)
        self.segments += segments
    }
}

extension ReachReport {
    /// The report from its scans: `rows` become the breakdown, sorted as a Vietnamese reader expects.
    init(notice: String, scan: Partition, rows: [(key: String, counts: ReachCounts)], reachTarget: Double,
         grouping: Grouping?, reminderSends: Int) {
        self.init(notice: notice, totals: scan.totals, reachTarget: reachTarget, smsSegments: scan.segments, grouping: grouping)
        self.reminderSends = reminderSends
        self.rows = rows.map { ReachReport.Row(key: $0.key, counts: $0.counts) }
            .sorted { ($0.key.matchKey, $0.key) < ($1.key.matchKey, $1.key) }
    }
}

/// Which open convocation a reply confirms: the one whose short code it gives, else the latest.
enum ReplyTarget {
    /// `candidates` newest first, as `(message, notice id)`.
    static func pick(_ candidates: [(id: Int64, notice: String)], code: String?) -> (Int64, String)? {
        if let code, let match = candidates.first(where: { $0.notice.dropFirst(2).uppercased() == code }) {
            return (match.id, match.notice)
        }
        return candidates.first.map { ($0.id, $0.notice) }
    }
}
