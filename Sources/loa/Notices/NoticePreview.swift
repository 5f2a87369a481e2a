import Foundation
import LoaChannels
import LoaConfig
import LoaCore

/// What `loa notice create --preview` shows before anything is queued (issue 4): the SMS text with
/// and without accents, their segments, and what each configured SMS channel would charge.
struct NoticePreview: Encodable {
    /// One rendering of the SMS text.
    struct Rendering: Encodable {
        var text: String
        var encoding: String
        var characters: Int
        var segments: Int
    }

    /// Cost figures for one SMS channel; nil amounts when it has no `price_per_segment`.
    struct ChannelCost: Encodable {
        var name: String
        var kind: String
        var foldDiacritics: String
        /// `accented` or `folded`: what the channel's `fold_diacritics` makes it send.
        var sends: String
        var segments: Int
        var pricePerSegment: Double?
        var perResident: Amounts?
        var audience: Amounts?

        enum CodingKeys: String, CodingKey {
            case name, kind, sends, segments, audience
            case foldDiacritics = "fold_diacritics"
            case pricePerSegment = "price_per_segment"
            case perResident = "per_resident"
        }
    }

    /// The same figure accented, folded, and what folding saves.
    struct Amounts: Encodable {
        var accented: Double
        var folded: Double
        var difference: Double
    }

    var preview = true
    var targeted: Int
    var unreachable: Int
    /// Residents with a phone or Zalo id: the most an SMS channel could be billed for.
    var reachable: Int
    var accented: Rendering
    var folded: Rendering
    var channels: [ChannelCost]

    enum CodingKeys: String, CodingKey {
        case preview, targeted, unreachable, reachable, accented, folded, channels
    }

    /// The resident page's token is 128 random bits in hex (SPEC §5): 32 characters.
    static let linkTokenLength = 32

    init(draft: NoticeDraft, configuration: LoaConfiguration, targeted: Int, unreachable: Int) {
        // The text every SMS adapter sends, with a stand-in for the resident's own link, which
        // `loa run` adds to every message; the stand-in has the real length, so counts are exact.
        let link = configuration.server.publicURL + "/m/" + String(repeating: "x", count: Self.linkTokenLength)
        let message = OutboundMessage(
            messageID: 0, idempotencyKey: "preview", noticeID: "preview", shortCode: "", kind: draft.kind,
            title: draft.title, body: draft.body, link: link, recipient: .init(name: "", phone: nil),
            meetingAt: draft.meetingAt, place: draft.place, expiresAt: draft.expiresAt,
            timeZone: configuration.commune.timeZone)
        let accentedBody = SMSComposer.body(for: message, folding: .never)
        let foldedBody = SMSComposer.body(for: message, folding: .always)
        self.targeted = targeted
        self.unreachable = unreachable
        self.reachable = max(0, targeted - unreachable)
        self.accented = Self.rendering(accentedBody)
        self.folded = Self.rendering(foldedBody)
        let reachable = self.reachable
        let (accentedParts, foldedParts) = (Double(accentedBody.info.segments), Double(foldedBody.info.segments))
        self.channels = configuration.channels.filter(\.kind.isSMS).map { channel in
            let sent = SMSComposer.body(for: message, folding: channel.foldDiacritics)
            let per = channel.pricePerSegment.map { price in
                Amounts(
                    accented: price * accentedParts, folded: price * foldedParts,
                    difference: price * (accentedParts - foldedParts))
            }
            return ChannelCost(
                name: channel.name, kind: channel.kind.rawValue, foldDiacritics: channel.foldDiacritics.rawValue,
                sends: sent.needsUnicode ? "accented" : "folded", segments: sent.info.segments,
                pricePerSegment: channel.pricePerSegment, perResident: per,
                audience: per.map { Amounts(
                    accented: $0.accented * Double(reachable), folded: $0.folded * Double(reachable),
                    difference: $0.difference * Double(reachable)) })
        }
    }

    private static func rendering(_ body: SMSBody) -> Rendering {
        Rendering(
            text: body.text, encoding: body.info.encoding.rawValue, characters: body.text.count,
            segments: body.info.segments)
    }

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
            "CHANNEL", "FOLD", "SENDS", "SEGMENTS", "PRICE/SEGMENT", "PER RESIDENT (ACCENTED/FOLDED/SAVED)",
            "AUDIENCE (ACCENTED/FOLDED/SAVED)",
        ])
        for channel in channels {
            table.append([
                channel.name, channel.foldDiacritics, channel.sends, String(channel.segments),
                channel.pricePerSegment.map(Self.amount) ?? "-", channel.perResident.map(Self.amounts) ?? "-",
                channel.audience.map(Self.amounts) ?? "-",
            ])
        }
        lines.append(table.text)
        if channels.contains(where: { $0.pricePerSegment == nil }) {
            lines.append("(set price_per_segment on a channel to see its costs)")
        }
        lines.append(
            "Costs assume every reachable resident gets the SMS; with a Zalo-first chain only those who fall back do.")
        return lines.joined(separator: "\n")
    }

    private static func amounts(_ figures: Amounts) -> String {
        "\(amount(figures.accented)) / \(amount(figures.folded)) / \(amount(figures.difference))"
    }

    /// Whole numbers without decimals (VND has none); others with up to two.
    static func amount(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(format: "%.2f", value)
    }
}
