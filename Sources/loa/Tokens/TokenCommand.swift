import ArgumentParser
import Foundation
import LoaCore
import LoaServer
import LoaStore

extension TokenRecord.Role: ExpressibleByArgument {}

/// `loa token create --role R [--scope hamlet:X] [--scope group:Y]` (SPEC §1, §3).
struct TokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token", abstract: "Create API tokens for staff.", subcommands: [TokenCreate.self])
}

/// Prints a new token once; only its hash is stored, and the creation is audited.
struct TokenCreate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Create a token; it is shown once, only its hash is kept.",
        discussion: "admin: everything; sender: notices only to the hamlets/groups in --scope, and their reports; auditor: read only.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: FormatOption

    @Option(help: "admin, sender or auditor.")
    var role: TokenRecord.Role

    @Option(help: "hamlet:NAME or group:NAME a sender may send to (repeatable).")
    var scope: [String] = []

    @Option(help: "Who holds it, as the audit log will name them (e.g. 'hoi-nong-dan').")
    var label: String?

    func run() async throws {
        let store = try await global.store()
        var scopes: [AudienceSelector] = []
        for text in scope {
            let selector: AudienceSelector
            do { selector = try AudienceSelector(parsing: text) } catch { throw UserError("--scope: \(error)") }
            switch selector {
            case .hamlet, .group: scopes.append(selector)
            case .all, .phone: throw UserError("--scope takes hamlet:NAME or group:NAME, not \(selector)")
            }
        }
        if role == .sender, scopes.isEmpty { throw UserError("a sender token needs at least one --scope hamlet:NAME or group:NAME") }
        if role != .sender, !scopes.isEmpty { throw UserError("--scope applies to sender tokens only") }
        scopes = try await NameLookup.selectors(scopes, in: store)
        if let label, label.isEmpty || label.contains(where: { $0.isWhitespace }) {
            throw UserError("--label must be one word, like hoi-nong-dan")
        }
        let token = APIToken.generate()
        try await store.createToken(
            TokenRecord(hash: APIToken.hash(token), role: role, scopes: scopes, label: label, createdAt: Date()), actor: Actor.cli)
        switch output.format {
        case .json:
            try JSONOutput.print(TokenJSON(token: token, role: role.rawValue, scopes: scopes.map(\.description), label: label))
        case .text, .csv:
            Terminal.out(token)
            Terminal.info("\(role.rawValue) token\(scopes.isEmpty ? "" : " for " + scopes.map(\.description).joined(separator: ", ")) — shown once, store it now")
        }
    }

    struct TokenJSON: Encodable {
        let token: String
        let role: String
        let scopes: [String]
        @NullEncoded var label: String?
    }
}
