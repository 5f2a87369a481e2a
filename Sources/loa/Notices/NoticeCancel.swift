import ArgumentParser
import LoaCore
import LoaServer

/// `loa notice cancel ID`: stops every message not yet sent.
struct NoticeCancel: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "cancel", abstract: "Cancel a notice: messages not yet sent are stopped.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: FormatOption

    @Argument(help: "The notice id (N-…).")
    var id: String

    func run() async throws {
        let zone = try global.configuration().commune.timeZone
        let outcome = try await global.store().cancelNotice(id: id.uppercased(), actor: Actor.cli)
        var json = NoticeJSON(outcome.notice, zone: zone)
        json.cancelledMessages = outcome.cancelledMessages
        switch output.format {
        case .json:
            try JSONOutput.print(json)
        case .csv:
            var listing = Listing(["id", "status", "cancelled_messages"])
            listing.append([json.id, json.status, String(outcome.cancelledMessages)])
            Terminal.out(listing.csv)
        case .text:
            Terminal.out("\(json.id) cancelled: \(outcome.cancelledMessages) queued messages stopped")
        }
    }
}
