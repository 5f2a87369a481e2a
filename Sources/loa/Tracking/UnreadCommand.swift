import ArgumentParser
import LoaCore
import LoaServer
import LoaStore

/// `loa unread ID [--not-acked] [--hamlet NAME]` (SPEC §3): whose door to knock on.
struct UnreadCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unread", abstract: "Residents a notice targeted but did not reach (or who did not acknowledge).")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: FormatOption

    @Argument(help: "The notice id (N-…).")
    var id: String

    @Flag(help: "List residents who did not acknowledge, instead of those not reached.")
    var notAcked = false

    @Option(help: "Only this hamlet.")
    var hamlet: String?

    func run() async throws {
        let store = try await global.store()
        guard let notice = try await store.notice(id: id.uppercased()) else { throw UserError("no notice with id '\(id)'") }
        if let hamlet, !(try await store.hamlets()).contains(where: { $0.nameKey == hamlet.nameKey }) {
            throw UserError("no hamlet named '\(hamlet)'")
        }
        let entries = try await store.unread(notice: notice.id, filter: UnreadFilter(notAcknowledged: notAcked, hamlet: hamlet))
        switch output.format {
        case .json: try JSONOutput.print(UnreadOutput.rows(entries))
        case .csv:
            // Long lists are written as two halves at once, one per core.
            let half = entries.count / 2
            async let head = UnreadOutput.csvBytes(entries[..<half], header: true)
            let tail = UnreadOutput.csvBytes(entries[half...], header: false)
            Terminal.write(await head)
            Terminal.write(tail)
        case .text:
            // Two halves built and written at once, one per core, with the same column widths.
            let half = entries.count / 2
            async let first = Self.listing(entries[..<half], headerRow: true)
            var second = Self.listing(entries[half...], headerRow: false)
            var widened = await first
            widened.widen(to: second)
            second.widen(to: widened)
            let head = widened
            async let headBytes = head.bytes
            let tailBytes = second.bytes
            Terminal.write(await headBytes)
            if !tailBytes.isEmpty {
                Terminal.write([UInt8(ascii: "\n")])
                Terminal.write(tailBytes)
            }
            Terminal.write([UInt8(ascii: "\n")])
            Terminal.info("\(entries.count) resident\(entries.count == 1 ? "" : "s") \(notAcked ? "without acknowledgement" : "not reached")")
        }
    }

    private static func listing(_ entries: ArraySlice<UnreadEntry>, headerRow: Bool) -> Listing {
        var listing = Listing(["name", "phone", "hamlet", "state", "last error"], headerRow: headerRow)
        for entry in entries {
            listing.appendCell(entry.name)
            listing.appendCell(entry.phone.map(UnreadOutput.displayPhone) ?? "-")
            listing.appendCell(entry.hamlet ?? "-")
            listing.appendCell(entry.state.rawValue)
            listing.appendCell(entry.lastError ?? "")
            listing.endRow()
        }
        return listing
    }
}
