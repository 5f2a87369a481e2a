import Foundation
import LoaChannels
import LoaConfig
import LoaCore

/// What `loa notice create --preview` and the dashboard's form show before anything is queued: the
/// SMS text with and without accents, their segments, and what each configured SMS channel would charge.
public struct NoticePreview: Encodable, Sendable {
    /// One rendering of the SMS text.
    public struct Rendering: Encodable, Sendable {
        public var text: String
        public var encoding: String
        public var characters: Int
        public var segments: Int
    }

    /// Cost figures for one SMS channel; nil amounts when it has no `price_per_segment`.
    public struct ChannelCost: Encodable, Sendable {
        public var name: String
        public var kind: String
        public var foldDiacritics: String
        /// `accented` or `folded`: what the channel's `fold_diacritics` makes it send.
        public var sends: String
        public var segments: Int
        @NullEncoded public var pricePerSegment: Double?
        @NullEncoded public var perResident: Amounts?
        @NullEncoded public var audience: Amounts?
        /// The registered template the channel would use, or nil for free text (and when none fits).
        @NullEncoded public var template: String?
        /// The exact text a resident gets on this channel; nil when no template fits.
        @NullEncoded public var text: String?
        /// Why no registered template fits the notice; nil when the channel can send it.
        @NullEncoded public var refusal: String?

        enum CodingKeys: String, CodingKey, CaseIterable {
            case name, kind, sends, segments, audience, template, text, refusal
            case foldDiacritics = "fold_diacritics"
            case pricePerSegment = "price_per_segment"
            case perResident = "per_resident"
        }
    }

    /// The same figure accented, folded, and what folding saves.
    public struct Amounts: Encodable, Sendable {
        public var accented: Double
        public var folded: Double
        public var difference: Double
    }

    public var preview = true
    public var targeted: Int
    public var unreachable: Int
    /// Residents with a phone or Zalo id: the most an SMS channel could be billed for.
    public var reachable: Int
    public var accented: Rendering
    public var folded: Rendering
    public var channels: [ChannelCost]

    enum CodingKeys: String, CodingKey, CaseIterable {
        case preview, targeted, unreachable, reachable, accented, folded, channels
    }

    /// The resident page's token is 128 random bits in hex (SPEC §5): 32 characters.
    public static let linkTokenLength = 32

    public init(draft: NoticeDraft, configuration: LoaConfiguration, targeted: Int, unreachable: Int) {
        let message = Self.message(draft: draft, configuration: configuration)
        let accentedBody = SMSComposer.body(for: message, folding: .never)
        let foldedBody = SMSComposer.body(for: message, folding: .always)
        self.targeted = targeted
        self.unreachable = unreachable
        self.reachable = max(0, targeted - unreachable)
        self.accented = Self.rendering(accentedBody)
        self.folded = Self.rendering(foldedBody)
        let reachable = self.reachable
        self.channels = configuration.channels.filter(\.kind.isSMS).map { channel in
            let sample = Self.sample(message, channel: channel, commune: configuration.commune.name)
            let (accentedParts, foldedParts) = sample.map { (Double($0.accented.info.segments), Double($0.folded.info.segments)) }
                ?? (Double(accentedBody.info.segments), Double(foldedBody.info.segments))
            let sent: SMSRendering?
            let refusal: String?
            switch sample?.chosen ?? .success(SMSRendering(
                template: nil, body: SMSComposer.body(for: message, folding: channel.foldDiacritics)))
            {
            case .success(let rendering): (sent, refusal) = (rendering, nil)
            case .failure(let problem): (sent, refusal) = (nil, problem.description)
            }
            let per = channel.pricePerSegment.map { price in
                Amounts(
                    accented: price * accentedParts, folded: price * foldedParts,
                    difference: price * (accentedParts - foldedParts))
            }
            return ChannelCost(
                name: channel.name, kind: channel.kind.rawValue, foldDiacritics: channel.foldDiacritics.rawValue,
                sends: sent.map { $0.body.needsUnicode ? "accented" : "folded" } ?? "nothing",
                segments: sent?.body.info.segments ?? 0,
                pricePerSegment: channel.pricePerSegment, perResident: per,
                audience: per.map { Amounts(
                    accented: $0.accented * Double(reachable), folded: $0.folded * Double(reachable),
                    difference: $0.difference * Double(reachable)) },
                template: sent?.template, text: sent?.body.text, refusal: refusal)
        }
    }

    private static func rendering(_ body: SMSBody) -> Rendering {
        Rendering(
            text: body.text, encoding: body.info.encoding.rawValue, characters: body.text.count,
            segments: body.info.segments)
    }
}
