import Foundation

/// Finds the hamlet or group a person meant among the stored names.
///
/// Exact (by the store's `nameKey`: NFC, trimmed, case-insensitive) wins; otherwise a single match
/// ignoring accents is accepted, so `thong nhat` finds `Thông Nhất` — but never when two stored
/// names fold to the same text.
public enum NameMatch: Equatable, Sendable {
    case found(String)
    case ambiguous([String])
    case none

    public static func resolve(_ typed: String, among known: [String]) -> NameMatch {
        let exact = typed.nameKey
        if let hit = known.first(where: { $0.nameKey == exact }) { return .found(hit) }
        let key = typed.matchKey
        let folded = known.filter { $0.matchKey == key }
        switch folded.count {
        case 0: return .none
        case 1: return .found(folded[0])
        default: return .ambiguous(folded)
        }
    }
}

extension String {
    /// The unique key of a hamlet or group name, as the store keeps it: NFC, trimmed and lower case,
    /// so `Thông Nhất` typed with combining marks or in capitals is the same hamlet. Diacritics still
    /// count (`Đông` ≠ `Dong`).
    public var nameKey: String {
        precomposed.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }
}
