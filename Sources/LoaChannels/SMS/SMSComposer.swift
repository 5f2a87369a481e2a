import LoaConfig
import LoaCore

/// The text an SMS gateway sends for one message, after the channel's diacritics policy.
public struct SMSBody: Sendable, Equatable {
    /// The content to put on the wire, in NFC.
    public var text: String
    /// Coding and segment count of `text` (gateways.md §7).
    public var info: SMSEncodingInfo
    /// Whether Vietnamese marks were removed to get `text`.
    public var folded: Bool

    /// Whether `text` has to go as UCS-2 (eSMS `IsUnicode = "1"`, Kannel `coding = 2`).
    public var needsUnicode: Bool { info.encoding == .ucs2 }

    public init(text: String, info: SMSEncodingInfo, folded: Bool) {
        self.text = text
        self.info = info
        self.folded = folded
    }
}

/// Composes SMS text from a message, shared by every SMS adapter so all of them bill the same text.
///
/// The layout is `title + ": " + body`, then `" " + link` when the message has a personal link.
/// Diacritics follow the channel's `fold_diacritics` (SPEC §4):
/// - `always`: send the folded text (`Họp thôn` → `Hop thon`), which fits GSM-7 (160/153 a part);
/// - `never`: keep the accents, which forces UCS-2 (70/67 a part) for real Vietnamese (gateways.md §7);
/// - `auto`: fold only when the accented text would need more segments than the folded one, so a
///   message that fits one UCS-2 part keeps its accents and a longer one is not billed double.
public enum SMSComposer {
    /// The unfolded text of `message`, in NFC.
    public static func text(for message: OutboundMessage) -> String {
        var text = message.title + ": " + message.body
        if let link = message.link, !link.isEmpty {
            text += " " + link
        }
        // gateways.md §7: count after NFC, or decomposed input inflates lengths.
        return text.precomposed
    }

    /// The text to send under `folding`, with its coding and segment count.
    public static func body(for message: OutboundMessage, folding: DiacriticFolding) -> SMSBody {
        body(text: text(for: message), folding: folding)
    }

    /// Applies `folding` to already composed `text`.
    public static func body(text: String, folding: DiacriticFolding) -> SMSBody {
        let accented = SMSBody(text: text, info: SMSText.measure(text), folded: false)
        switch folding {
        case .never:
            return accented
        case .always:
            let folded = text.foldedVietnamese
            return SMSBody(text: folded, info: SMSText.measure(folded), folded: folded != text)
        case .auto:
            let folded = text.foldedVietnamese
            guard folded != text else { return accented }
            let foldedInfo = SMSText.measure(folded)
            return foldedInfo.segments < accented.info.segments
                ? SMSBody(text: folded, info: foldedInfo, folded: true)
                : accented
        }
    }
}
