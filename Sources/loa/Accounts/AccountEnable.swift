import ArgumentParser
import Foundation
import LoaStore

/// `loa account enable PHONE`: a disabled account may sign in again.
struct AccountEnable: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "enable", abstract: "Enable a disabled account again.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The account's phone number.")
    var phone: String

    func run() async throws {
        let store = try await global.store()
        let account = try await AccountCommand.account(phone, in: store)
        guard let id = account.id else { throw UserError("account \(account.phone.e164) has no id") }
        let already = account.disabledAt == nil
        _ = try await store.enableAccount(id: id, actor: Actor.cli, at: Date())
        Terminal.info("account \(account.phone.e164) (\(account.name)) \(already ? "was not disabled" : "is enabled")")
    }
}
