import LoaCore
import LoaStore

/// Turns hamlet and group names typed on the command line into stored names, or a clear error.
enum NameLookup {
    static func hamlet(_ typed: String, in store: any Store) async throws -> String {
        try resolve(typed, among: try await store.hamlets(), what: "hamlet")
    }

    static func group(_ typed: String, in store: any Store) async throws -> String {
        try resolve(typed, among: try await store.groups(), what: "group")
    }

    /// Resolves the names inside `hamlet:` and `group:` selectors.
    static func selectors(_ selectors: [AudienceSelector], in store: any Store) async throws -> [AudienceSelector] {
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
            throw UserError("\(what) '\(typed)' is ambiguous: \(names.joined(separator: ", ")); type it with accents")
        case .none:
            let list = known.isEmpty ? "none imported yet" : known.joined(separator: ", ")
            throw UserError("no \(what) named '\(typed)' (known: \(list))")
        }
    }
}
