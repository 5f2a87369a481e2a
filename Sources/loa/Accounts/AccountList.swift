import ArgumentParser
import Foundation
import LoaCore
import LoaStore

/// `loa account list`: every account with its role, scopes and state; never a password hash.
struct AccountList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List staff accounts (disabled ones too), by phone.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: FormatOption

    func run() async throws {
        let zone = try global.configuration().commune.timeZone
        let accounts = try await global.store().accounts()
        switch output.format {
        case .json:
            try JSONOutput.print(accounts.map { account in
                AccountJSON(
                    id: account.id, phone: account.phone.e164, name: account.name, role: account.role.rawValue,
                    scopes: account.scopes.map(\.description), password: account.passwordHash != nil,
                    created: TimeText.iso(account.createdAt, in: zone), disabled: account.disabledAt.map { TimeText.iso($0, in: zone) })
            })
        case .text, .csv:
            var listing = Listing(["id", "phone", "name", "role", "scopes", "password", "created", "disabled"])
            let time = { (date: Date) in output.format == .csv ? TimeText.iso(date, in: zone) : TimeText.short(date, in: zone) }
            for account in accounts {
                listing.append([
                    account.id.map(String.init) ?? "", account.phone.e164, account.name, account.role.rawValue,
                    account.scopes.map(\.description).joined(separator: " "), account.passwordHash == nil ? "no" : "yes",
                    time(account.createdAt), account.disabledAt.map(time) ?? "",
                ])
            }
            Terminal.out(output.format == .csv ? listing.csv : listing.text)
        }
    }

    /// One account in `--format json`; `password` says whether one is set.
    struct AccountJSON: Encodable {
        @NullEncoded var id: Int64?
        let phone: String
        let name: String
        let role: String
        let scopes: [String]
        let password: Bool
        let created: String
        @NullEncoded var disabled: String?
    }
}
