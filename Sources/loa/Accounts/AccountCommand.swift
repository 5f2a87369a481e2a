import ArgumentParser
import Foundation
import LoaCore
import LoaServer
import LoaStore

/// `loa account create|list|disable|enable|password`: staff accounts that sign in to the dashboard
/// with a phone number and a password or a one-time code (issue 19).
struct AccountCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "account", abstract: "Create, list, disable and enable staff accounts, and set their passwords.",
        subcommands: [AccountCreate.self, AccountList.self, AccountDisable.self, AccountEnable.self, AccountPassword.self])

    /// The phone as typed, in any common Vietnamese form, or a one-line error.
    static func phone(_ text: String) throws -> PhoneNumber {
        do { return try PhoneNumber(parsing: text) } catch { throw UserError("phone '\(text)': \(error)") }
    }

    /// The account of `phone`, or a one-line error.
    static func account(_ text: String, in store: any Store) async throws -> AccountRecord {
        let phone = try phone(text)
        guard let account = try await store.account(phone: phone) else {
            throw UserError("no account with phone \(phone.e164) (see loa account list)")
        }
        return account
    }
}
