import ArgumentParser
import Foundation
import LoaServer
import LoaStore

/// `loa account password PHONE`: sets a new password (from stdin, or a random one printed once).
struct AccountPassword: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "password", abstract: "Set an account's password; without --password-stdin a random one is printed once.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The account's phone number.")
    var phone: String

    @Flag(name: .customLong("password-stdin"), help: "Read the password from the first line of stdin.")
    var passwordStdin = false

    func run() async throws {
        let store = try await global.store()
        let account = try await AccountCommand.account(phone, in: store)
        guard let id = account.id else { throw UserError("account \(account.phone.e164) has no id") }
        let (password, generated) = try AccountPasswordInput.read(fromStdin: passwordStdin, phone: account.phone)
        try await store.setPassword(id: id, hash: try await Passwords.hash(password), actor: Actor.cli, at: Date())
        if generated { Terminal.out(password) }
        Terminal.info("account \(account.phone.e164): password set" + (generated ? " — shown once, hand it over now" : ""))
    }
}
