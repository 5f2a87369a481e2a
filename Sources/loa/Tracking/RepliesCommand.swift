import ArgumentParser
import LoaCore
import LoaServer
import LoaStore

/// `loa replies`: what residents wrote back, newest first, with what Loa made of it (an
/// acknowledgement, or kept for staff to read: no keyword, unknown sender, no open convocation).
struct RepliesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replies", abstract: "Inbound SMS and Zalo replies and what each one did.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: FormatOption

    @Option(help: "How many, newest first.")
    var limit = 100

    @Flag(help: "Only replies that acknowledged nothing.")
    var unmatched = false

    struct Row: Encodable {
        let receivedAt: String
        let channel: String
        let sender: String
        let text: String
        let outcome: String

        enum CodingKeys: String, CodingKey {
            case channel, sender, text, outcome
            case receivedAt = "received_at"
        }
    }

    func run() async throws {
        let zone = try global.configuration().commune.timeZone
        let replies = try await global.store().replies(limit: max(1, limit))
            .filter { !unmatched || !$0.outcome.hasPrefix("acknowledged") }
        let rows = replies.map {
            Row(
                receivedAt: TimeText.iso($0.receivedAt, in: zone), channel: $0.channel,
                sender: $0.sender.hasPrefix("+") ? UnreadOutput.displayPhone($0.sender) : $0.sender, text: $0.text,
                outcome: $0.outcome)
        }
        switch output.format {
        case .json: try JSONOutput.print(rows)
        case .csv, .text:
            var listing = Listing(["received", "channel", "from", "outcome", "text"])
            for row in rows { listing.append([row.receivedAt, row.channel, row.sender, row.outcome, row.text]) }
            Terminal.out(output.format == .csv ? listing.csv : listing.text)
        }
    }
}
