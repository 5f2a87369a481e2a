/// Finds the hamlet or group a person meant among the stored names.
///
/// Exact (NFC, case-insensitive) wins; otherwise a single match ignoring accents is accepted, so
/// `thong nhat` finds `Thông Nhất` — but never when two stored names fold to the same text.
public enum NameMatch: Equatable, Sendable {
    case found(String)
    case ambiguous([String])
    case none

    public static func resolve(_ typed: String, among known: [String]) -> NameMatch {
        let exact = typed.precomposed.lowercased()
        if let hit = known.first(where: { $0.precomposed.lowercased() == exact }) { return .found(hit) }
        let key = typed.matchKey
        let folded = known.filter { $0.matchKey == key }
        switch folded.count {
        case 0: return .none
        case 1: return .found(folded[0])
        default: return .ambiguous(folded)
        }
    }
}
