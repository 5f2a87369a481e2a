import ArgumentParser
import Foundation
import LoaCore
import LoaServer
import LoaStore

extension TokenRecord.Role: ExpressibleByArgument {}

/// `loa token create|list|revoke` (SPEC §1, §3).
struct TokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token", abstract: "Create, list and revoke API tokens for staff.",
        subcommands: [TokenCreate.self, TokenList.self, TokenRevoke.self])
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

    @Option(help: "Who holds it, as the audit log will name them (e.g. 'hoi-nong-dan'); one token per label.")
    var label: String?

    @Option(help: "Stop working after this long (e.g. 30d, 12h); default: until revoked.")
    var expires: String?

    func run() async throws {
        let store = try await global.store()
        var scopes: [AudienceSelector] = []
        for text in scope {
            do { scopes.append(try AudienceSelector(parsing: text)) } catch { throw UserError("--scope: \(error)") }
        }
        if let refusal = ScopeRules.refusal(role: role, scopes: scopes) { throw UserError(refusal) }
        scopes = try await NameLookup.selectors(scopes, in: store)
        if let label, label.isEmpty || label.contains(where: { $0.isWhitespace }) {
            throw UserError("--label must be one word, like hoi-nong-dan")
        }
        // A staff account acts through a token labelled account:+84…; another token must not pass for one.
        if let label, label.lowercased().hasPrefix(AccountRecord.labelPrefix) {
            throw UserError("--label must not start with '\(AccountRecord.labelPrefix)' (the audit log's name for staff accounts; use loa account create)")
        }
        let now = Date()
        var expiresAt: Date?
        if let expires {
            do { expiresAt = now + TimeInterval(try DurationText.parse(expires).components.seconds) } catch { throw UserError("--expires: \(error)") }
        }
        let token = APIToken.generate()
        let stored = try await store.createToken(
            TokenRecord(
                hash: APIToken.hash(token), role: role, scopes: scopes, label: label?.precomposedStringWithCanonicalMapping,
                createdAt: now, expiresAt: expiresAt),
            actor: Actor.cli)
        switch output.format {
        case .json:
            let zone = try global.configuration().commune.timeZone
            try JSONOutput.print(TokenJSON(
                token: token, id: stored.id, role: role.rawValue, scopes: scopes.map(\.description), label: stored.label,
                expires: expiresAt.map { TimeText.iso($0, in: zone) }))
        case .text, .csv:
            Terminal.out(token)
            Terminal.info("\(role.rawValue) token \(stored.id.map(String.init) ?? "")\(scopes.isEmpty ? "" : " for " + scopes.map(\.description).joined(separator: ", ")) — shown once, store it now")
        }
    }

    struct TokenJSON: Encodable {
        let token: String
        @NullEncoded var id: Int64?
        let role: String
        let scopes: [String]
        @NullEncoded var label: String?
        @NullEncoded var expires: String?
    }
}
