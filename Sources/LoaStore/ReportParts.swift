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

/// Puts unread entries in hamlet, then name order, as a Vietnamese reader expects (Đ with D,
/// accents ignored). Folding is done once per distinct hamlet and name (names repeat a lot in a
/// commune), and the sort compares integer ranks of the folded keys instead of strings.
struct UnreadSorter {
    private let hamletRanks: [String: Int]
    private var nameKeys: [String: String] = [:]
    private var entries: [UnreadEntry] = []
    private var sortKeys: [(hamlet: Int, name: String, id: Int64)] = []

    init(hamlets: some Collection<String>) {
        hamletRanks = Self.ranks(Array(hamlets) + [""])
    }

    mutating func add(_ entry: UnreadEntry) {
        let nameKey: String
        if let known = nameKeys[entry.name] {
            nameKey = known
        } else {
            nameKey = entry.name.matchKey
            nameKeys[entry.name] = nameKey
        }
        sortKeys.append((hamletRanks[entry.hamlet ?? ""] ?? 0, nameKey, entry.residentID))
        entries.append(entry)
    }

    func sorted() -> [UnreadEntry] {
        let nameRanks = Self.ranks(Array(Set(nameKeys.values)), folded: true)
        let order = sortKeys.indices.map { (sortKeys[$0].hamlet, nameRanks[sortKeys[$0].name] ?? 0, sortKeys[$0].id, $0) }
            .sorted { ($0.0, $0.1, $0.2) < ($1.0, $1.1, $1.2) }
        return order.map { entries[$0.3] }
    }

    /// Each text's position among the distinct match keys (equal keys share a rank); with `folded`,
    /// the texts are match keys already.
    private static func ranks(_ texts: [String], folded: Bool = false) -> [String: Int] {
        let keys = Dictionary(texts.map { ($0, folded ? $0 : $0.matchKey) }, uniquingKeysWith: { first, _ in first })
        let sorted = Array(Set(keys.values)).sorted()
        let rank = Dictionary(uniqueKeysWithValues: sorted.enumerated().map { ($1, $0) })
        return keys.mapValues { rank[$0]! }
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
