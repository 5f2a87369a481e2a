import ArgumentParser
import Foundation
import LoaStore

/// `loa token revoke ID`: the token stops at once on the API, and its dashboard sessions end.
struct TokenRevoke: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "revoke", abstract: "Revoke a token (see loa token list for ids); its dashboard sessions end too.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The token's id, as loa token list shows it.")
    var id: Int64

    func run() async throws {
        let now = Date()
        guard let token = try await global.store().revokeToken(id: id, actor: Actor.cli, at: now) else {
            throw UserError("no token with id \(id) (see loa token list)")
        }
        let name = token.label.map { " (\($0))" } ?? ""
        let earlier = token.revokedAt.map { $0 < now.addingTimeInterval(-1) } ?? false
        Terminal.info("token \(id)\(name) \(earlier ? "was already revoked" : "is revoked"); its dashboard sessions have ended")
    }
}
