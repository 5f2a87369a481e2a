import ArgumentParser

/// `loa channels` (SPEC §3): the list by default, `check` before a broadcast, `authorize` for Zalo.
struct ChannelsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "channels", abstract: "List, check and authorise the configured channels.",
        subcommands: [ChannelsList.self, ChannelsCheck.self, ChannelsAuthorize.self],
        defaultSubcommand: ChannelsList.self)
}
