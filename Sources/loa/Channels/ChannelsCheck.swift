import ArgumentParser
import LoaChannels
import LoaConfig
import LoaHTTP
import LoaServer
import LoaStore

/// `loa channels check [NAME]` (SPEC §3): asks each gateway, without messaging residents, whether
/// the first broadcast will work, and asks Loa's own public address whether gateways can call back.
struct ChannelsCheck: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Ask each gateway whether credentials, templates and quota will work.",
        discussion: """
            Sends nothing to residents. Each finding is ok, warning, failed or skipped; the exit status \
            is 1 when any finding failed.
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: FormatOption

    @Argument(help: "Check only this channel.")
    var name: String?

    func run() async throws {
        let configuration = try global.configuration()
        guard !configuration.channels.isEmpty else {
            throw UserError("no channels configured: add [[channels]] to \(configuration.source == "built-in defaults" ? "loa.toml" : configuration.source)")
        }
        var channels = configuration.channels
        if let name {
            guard let channel = configuration.channel(named: name) else {
                let known = configuration.channels.map(\.name).joined(separator: ", ")
                throw UserError("no channel named '\(name)'; configured: \(known)")
            }
            channels = [channel]
        }
        let client = HTTPClient(configuration: .init(maxConnectionsPerHost: 4))
        defer { client.shutdown() }
        let store = await zaloStore(channels)
        let reports = await ChannelCheckRun(configuration: configuration, transport: client) { adapters in
            guard let store else { return }
            _ = try? await ZaloTokens.connect(adapters, store: store, transport: client)
        }.reports(for: channels)
        switch output.format {
        case .json: try JSONOutput.print(reports)
        case .text, .csv:
            let listing = ChannelCheckReport.listing(reports)
            Terminal.out(output.format == .csv ? listing.csv : listing.text)
        }
        let findings = reports.flatMap(\.checks)
        let failed = findings.filter { $0.status == .failed }.count
        let warnings = findings.filter { $0.status == .warning }.count
        guard failed == 0 else {
            throw UserError("\(failed) check\(failed == 1 ? "" : "s") failed (\(warnings) warning\(warnings == 1 ? "" : "s"))")
        }
        Terminal.info("no check failed (\(warnings) warning\(warnings == 1 ? "" : "s")) across \(reports.count) channel\(reports.count == 1 ? "" : "s")")
    }

    /// Zalo channels check with the token pair `loa run` keeps in the database, not a stale one from
    /// `loa.toml`; reading it refreshes nothing. Other channels need no database.
    private func zaloStore(_ channels: [ChannelConfig]) async -> (any Store)? {
        guard channels.contains(where: { $0.kind == .zaloZNS || $0.kind == .zaloOA }) else { return nil }
        do {
            return try await global.store()
        } catch {
            Terminal.info("note: the database could not be opened (\(error)); Zalo channels are checked with the tokens in loa.toml")
            return nil
        }
    }
}
