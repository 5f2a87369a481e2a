import LoaCore
import LoaStore

/// Turns hamlet and group names as typed (any case, with or without accents) into stored names,
/// or an error naming the known ones.
public enum NameLookup {
    /// A name that matches no stored one, or several.
    public struct Unknown: Error, CustomStringConvertible {
        public let description: String
    }

    public static func hamlet(_ typed: String, in store: any Store) async throws -> String {
        try resolve(typed, among: try await store.hamlets(), what: "hamlet")
    }

    public static func group(_ typed: String, in store: any Store) async throws -> String {
        try resolve(typed, among: try await store.groups(), what: "group")
    }

    /// Resolves the names inside `hamlet:` and `group:` selectors.
    public static func selectors(_ selectors: [AudienceSelector], in store: any Store) async throws -> [AudienceSelector] {
        var resolved: [AudienceSelector] = []
        for selector in selectors {
            switch selector {
            case .hamlet(let name): resolved.append(.hamlet(try await hamlet(name, in: store)))
            case .group(let name): resolved.append(.group(try await group(name, in: store)))
            case .all, .phone: resolved.append(selector)
            }
        }
        return resolved
    }

    private static func resolve(_ typed: String, among known: [String], what: String) throws -> String {
        switch NameMatch.resolve(typed, among: known) {
        case .found(let name):
            return name
        case .ambiguous(let names):
            throw Unknown(description: "\(what) '\(typed)' is ambiguous: \(names.joined(separator: ", ")); type it with accents")
        case .none:
            let list = known.isEmpty ? "none imported yet" : known.joined(separator: ", ")
            throw Unknown(description: "no \(what) named '\(typed)' (known: \(list))")
        }
    }
}
