import LoaServer

extension NoticePreview {
    /// The preview for a terminal.
    var text: String {
        func parts(_ count: Int) -> String { count == 1 ? "1 segment" : "\(count) segments" }
        var lines = [
            "Preview only: nothing was stored or queued.",
            "Audience: \(targeted) residents (\(unreachable) unreachable, \(reachable) with a phone or Zalo id)",
            "",
            "SMS with accents (UCS-2, \(accented.characters) characters, \(parts(accented.segments))):",
            "  " + accented.text,
            "SMS without accents (GSM-7, \(folded.characters) characters, \(parts(folded.segments))):",
            "  " + folded.text,
            "(the x's stand for each resident's own link token)",
            "",
        ]
        guard !channels.isEmpty else {
            lines.append("No SMS channel in the configuration: add one with price_per_segment to see costs.")
            return lines.joined(separator: "\n")
        }
        var table = Listing([
            "CHANNEL", "TEMPLATE", "FOLD", "SENDS", "SEGMENTS", "PRICE/SEGMENT", "PER RESIDENT (ACCENTED/FOLDED/SAVED)",
            "AUDIENCE (ACCENTED/FOLDED/SAVED)",
        ])
        for channel in channels {
            table.append([
                channel.name, channel.template ?? (channel.refusal == nil ? "free text" : "none fits"),
                channel.foldDiacritics, channel.sends, String(channel.segments),
                channel.pricePerSegment.map(Self.amount) ?? "-", channel.perResident.map(Self.amounts) ?? "-",
                channel.audience.map(Self.amounts) ?? "-",
            ])
        }
        lines.append(table.text)
        lines.append("")
        for channel in channels {
            let template = channel.template.map { "template '\($0)'" } ?? "free text"
            if let text = channel.text {
                lines.append("\(channel.name) sends (\(template), \(parts(channel.segments))):")
                lines.append("  " + text)
            } else if let refusal = channel.refusal {
                lines.append("\(channel.name) cannot send this notice: \(refusal)")
            }
        }
        if channels.contains(where: { $0.template != nil }) {
            lines.append("(a template's {name} and {hamlet} show a stand-in as long as the slot allows)")
        }
        lines.append("")
        if channels.contains(where: { $0.pricePerSegment == nil }) {
            lines.append("(set price_per_segment on a channel to see its costs)")
        }
        lines.append(
            "Costs assume every reachable resident gets the SMS; with a Zalo-first chain only those who fall back do.")
        return lines.joined(separator: "\n")
    }

    static func amounts(_ figures: Amounts) -> String {
        "\(amount(figures.accented)) / \(amount(figures.folded)) / \(amount(figures.difference))"
    }

    /// Whole numbers without decimals (VND has none); others with up to two.
    static func amount(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(format: "%.2f", value)
    }
}
