import ArgumentParser
import LoaCore
import LoaServer

/// `loa notice show ID`.
struct NoticeShow: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one notice and its message states.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: FormatOption

    @Argument(help: "The notice id (N-…).")
    var id: String

    func run() async throws {
        let zone = try global.configuration().commune.timeZone
        let store = try await global.store()
        guard let notice = try await store.notice(id: id.uppercased()) else {
            throw UserError("no notice with id '\(id)'")
        }
        let counts = try await store.messageCounts(notice: notice.id)
        var json = NoticeJSON(notice, zone: zone)
        json.states = Dictionary(uniqueKeysWithValues: counts.map { ($0.key.rawValue, $0.value) })
        switch output.format {
        case .json:
            try JSONOutput.print(json)
        case .csv:
            var listing = Listing(["state", "messages"])
            for state in MessageState.allCases { listing.append([state.rawValue, String(counts[state] ?? 0)]) }
            Terminal.out(listing.csv)
        case .text:
            var lines = [
                "\(json.id)  \(json.kind)  \(json.status)", "title:     \(json.title)",
                "send at:   \(TimeText.short(notice.draft.sendAt, in: zone))",
            ]
            if let meeting = notice.draft.meetingAt { lines.append("meeting:   \(TimeText.short(meeting, in: zone))") }
            if let place = json.place { lines.append("place:     \(place)") }
            if let expires = notice.draft.expiresAt { lines.append("expires:   \(TimeText.short(expires, in: zone))") }
            lines += [
                "to:        \(json.to.joined(separator: ", "))", "channels:  \(json.channels)",
                "priority:  \(json.priority)", "ack:       \(json.ackRequired ? "required" : "not asked")",
            ]
            if !json.remind.isEmpty { lines.append("reminders: \(json.remind.joined(separator: ", ")) before") }
            lines.append("reply code: \(json.shortCode)")
            lines.append("messages:  \(json.messages)")
            for state in MessageState.allCases where (counts[state] ?? 0) > 0 {
                lines.append("  \(state.rawValue.padding(toLength: 13, withPad: " ", startingAt: 0))\(counts[state]!)")
            }
            lines += ["", json.body]
            Terminal.out(lines.joined(separator: "\n"))
        }
    }
}
