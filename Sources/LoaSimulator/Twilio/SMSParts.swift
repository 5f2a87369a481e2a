import Foundation

/// How many SMS parts a gateway bills for a text (gateways.md §7): GSM-7 160 single / 153 per
/// part, UCS-2 70 / 67, counted after NFC. Written for the simulator apart from Loa's own counter,
/// so a counting bug in one is not repeated in the other.
enum SMSParts {
    private static let basic = Set(
        ("@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà").unicodeScalars)
    private static let escaped = Set("\u{0C}^{}\\[~]|€".unicodeScalars)

    /// The parts `text` takes; a character never straddles two parts.
    static func count(_ text: String) -> Int {
        let scalars = Array(text.precomposedStringWithCanonicalMapping.unicodeScalars)
        let gsm = scalars.allSatisfy { basic.contains($0) || escaped.contains($0) }
        let sizes = scalars.map { gsm ? (escaped.contains($0) ? 2 : 1) : $0.utf16.count }
        let (single, part) = gsm ? (160, 153) : (70, 67)
        guard sizes.reduce(0, +) > single else { return 1 }
        var parts = 1
        var used = 0
        for size in sizes {
            if used + size > part {
                parts += 1
                used = 0
            }
            used += size
        }
        return parts
    }
}
