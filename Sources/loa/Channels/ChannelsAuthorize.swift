import ArgumentParser

/// `loa channels authorize NAME` (SPEC §3). Being written (issue 17 §2).
struct ChannelsAuthorize: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "authorize", abstract: "Seed or replace a Zalo channel's stored OAuth pair.")

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        throw UserError("loa channels authorize is not built yet")
    }
}
