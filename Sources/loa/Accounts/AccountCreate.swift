import ArgumentParser
import Foundation
import LoaCore
import LoaServer
import LoaStore

/// `loa account create`: the first admin, or anyone, from the command line; audited.
struct AccountCreate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create", abstract: "Create a staff account; without --password-stdin a random password is printed once.",
        discussion: "admin: everything; sender: notices to the hamlets/groups in --scope; auditor: read only; volunteer: their hamlet's door-to-door list.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: FormatOption

    @Option(help: "admin, sender, auditor or volunteer.")
    var role: TokenRecord.Role

    @Option(help: "The person's mobile number (0912…, +84912…).")
    var phone: String

    @Option(help: "The person's name, as the accounts page shows it.")
    var name: String

    @Option(help: "hamlet:NAME or group:NAME for a sender, hamlet:NAME for a volunteer (repeatable).")
    var scope: [String] = []

    @Flag(name: .customLong("password-stdin"), help: "Read the password from the first line of stdin.")
    var passwordStdin = false

    func run() async throws {
        let number = try AccountCommand.phone(phone)
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines).precomposedStringWithCanonicalMapping
        guard !name.isEmpty, name.count <= 120 else { throw UserError("--name must not be empty (at most 120 characters)") }
        var scopes: [AudienceSelector] = []
        for text in scope {
            do { scopes.append(try AudienceSelector(parsing: text)) } catch { throw UserError("--scope: \(error)") }
        }
        if let refusal = ScopeRules.refusal(role: role, scopes: scopes) { throw UserError(refusal) }
        let store = try await global.store()
        scopes = try await NameLookup.selectors(scopes, in: store)
        let (password, generated) = try AccountPasswordInput.read(fromStdin: passwordStdin, phone: number)
        let account = AccountRecord(
            phone: number, name: name, passwordHash: try await Passwords.hash(password), role: role, scopes: scopes, createdAt: Date())
        let stored = try await store.createAccount(account, tokenHash: Passwords.unusableTokenHash(), actor: Actor.cli)
        switch output.format {
        case .json:
            try JSONOutput.print(AccountJSON(
                id: stored.id, phone: number.e164, name: name, role: role.rawValue, scopes: scopes.map(\.description),
                password: generated ? password : nil))
        case .text, .csv:
            if generated { Terminal.out(password) }
            let scoped = scopes.isEmpty ? "" : " for " + scopes.map(\.description).joined(separator: ", ")
            Terminal.info("\(role.rawValue) account \(stored.id.map(String.init) ?? "") \(number.e164)\(scoped)"
                + (generated ? " — the password is shown once, hand it over now" : ""))
        }
    }

    /// The new account in `--format json`; `password` only when Loa made it.
    struct AccountJSON: Encodable {
        @NullEncoded var id: Int64?
        let phone: String
        let name: String
        let role: String
        let scopes: [String]
        @NullEncoded var password: String?
    }
}
