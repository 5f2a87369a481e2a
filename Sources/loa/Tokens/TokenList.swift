import ArgumentParser
import Foundation
import LoaCore
import LoaStore

/// `loa token list`: every token with its role, scopes, label and lifetime; never a token or hash.
struct TokenList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List API tokens (revoked and expired ones too), oldest first.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: FormatOption

    func run() async throws {
        let zone = try global.configuration().commune.timeZone
        let tokens = try await global.store().tokens()
        switch output.format {
        case .json:
            try JSONOutput.print(tokens.map { token in
                TokenJSON(
                    id: token.id, role: token.role.rawValue, scopes: token.scopes.map(\.description), label: token.label,
                    created: TimeText.iso(token.createdAt, in: zone), expires: token.expiresAt.map { TimeText.iso($0, in: zone) },
                    revoked: token.revokedAt.map { TimeText.iso($0, in: zone) })
            })
        case .text, .csv:
            var listing = Listing(["id", "role", "scopes", "label", "created", "expires", "revoked"])
            let time = { (date: Date) in output.format == .csv ? TimeText.iso(date, in: zone) : TimeText.short(date, in: zone) }
            for token in tokens {
                listing.append([
                    token.id.map(String.init) ?? "", token.role.rawValue, token.scopes.map(\.description).joined(separator: " "),
                    token.label ?? "", time(token.createdAt), token.expiresAt.map(time) ?? "", token.revokedAt.map(time) ?? "",
                ])
            }
            Terminal.out(output.format == .csv ? listing.csv : listing.text)
        }
    }

    /// One token in `--format json`; a missing value is null.
    struct TokenJSON: Encodable {
        @NullEncoded var id: Int64?
        let role: String
        let scopes: [String]
        @NullEncoded var label: String?
        let created: String
        @NullEncoded var expires: String?
        @NullEncoded var revoked: String?
    }
}
