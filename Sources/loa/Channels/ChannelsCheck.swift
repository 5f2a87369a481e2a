import ArgumentParser

/// `loa channels check [NAME]` (SPEC §3). Being written (issue 17 §6).
struct ChannelsCheck: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Ask each gateway whether credentials, templates and quota will work.")

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        throw UserError("loa channels check is not built yet")
    }
}
