import ArgumentParser
import Foundation
import LoaStore

/// `loa account disable PHONE`: the account signs in nowhere and its open sessions end at once.
struct AccountDisable: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "disable", abstract: "Disable an account; its dashboard sessions end at once.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The account's phone number.")
    var phone: String

    func run() async throws {
        let store = try await global.store()
        let account = try await AccountCommand.account(phone, in: store)
        guard let id = account.id else { throw UserError("account \(account.phone.e164) has no id") }
        let already = account.disabledAt != nil
        _ = try await store.disableAccount(id: id, actor: Actor.cli, at: Date())
        Terminal.info("account \(account.phone.e164) (\(account.name)) \(already ? "was already disabled" : "is disabled; its sessions have ended")")
    }
}
