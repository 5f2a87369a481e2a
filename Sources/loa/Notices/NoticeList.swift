import ArgumentParser
import LoaCore
import LoaServer

/// `loa notice list`.
struct NoticeList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List notices, newest first.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: FormatOption

    func run() async throws {
        let zone = try global.configuration().commune.timeZone
        let notices = try await global.store().notices()
        switch output.format {
        case .json:
            try JSONOutput.print(notices.map { NoticeJSON($0, zone: zone) })
        case .text, .csv:
            var listing = Listing(["id", "kind", "status", "send_at", "messages", "channels", "title"])
            for notice in notices {
                listing.append([
                    notice.id, notice.draft.kind.rawValue, notice.status.rawValue,
                    TimeText.short(notice.draft.sendAt, in: zone), String(notice.messageCount),
                    notice.draft.channels.description, notice.draft.title,
                ])
            }
            Terminal.out(output.format == .csv ? listing.csv : listing.text)
        }
    }
}
