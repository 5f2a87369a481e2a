/// The character coding an SMS body needs.
public enum SMSEncoding: String, Sendable, Hashable, Codable {
    /// The GSM 03.38 default alphabet (7 bits a unit): unaccented Vietnamese fits.
    case gsm7
    /// UTF-16 code units: needed as soon as one character is outside GSM 03.38 (ă, ơ, any tone mark).
    case ucs2
}

/// How long an SMS body is on the wire and how many parts it is sent as (gateways.md §7).
public struct SMSEncodingInfo: Sendable, Hashable {
    /// The coding the whole body needs.
    public var encoding: SMSEncoding
    /// Length in the coding's units: GSM septets (extension characters count 2) or UTF-16 units.
    public var units: Int
    /// Number of SMS parts the body is sent as; an empty body still takes one.
    public var segments: Int
    /// Units one part can carry at this length: 160 / 153 (GSM-7) or 70 / 67 (UCS-2).
    public var perSegment: Int

    public init(encoding: SMSEncoding, units: Int, segments: Int, perSegment: Int) {
        self.encoding = encoding
        self.units = units
        self.segments = segments
        self.perSegment = perSegment
    }
}

/// SMS length arithmetic: encoding choice and segment counts per GSM 03.38 and gateways.md §7.
public enum SMSText {
    /// Units in a single-part GSM-7 message.
    public static let gsm7Single = 160
    /// Units in each part of a concatenated GSM-7 message (7 are taken by the UDH).
    public static let gsm7Part = 153
    /// UTF-16 units in a single-part UCS-2 message.
    public static let ucs2Single = 70
    /// UTF-16 units in each part of a concatenated UCS-2 message.
    public static let ucs2Part = 67

    /// Measures `text` after NFC normalisation.
    ///
    /// Parts are packed greedily and a unit pair is never split: a GSM extension character
    /// (escape + character) or a UTF-16 surrogate pair that would straddle a boundary moves whole
    /// to the next part, as handsets and most gateways do. Thus 152 letters, `€` and 152 letters
    /// (306 units) take 3 parts, not 2. Grapheme clusters made of several scalars (flags, skin
    /// tones) may still be split between parts; phones reassemble them.
    public static func measure(_ text: String) -> SMSEncodingInfo {
        let scalars = text.precomposed.unicodeScalars
        let isGSM = scalars.allSatisfy { gsm7Basic.contains($0) || gsm7Extension.contains($0) }
        let width: (Unicode.Scalar) -> Int = isGSM
            ? { gsm7Extension.contains($0) ? 2 : 1 }
            : { $0.utf16.count }
        let single = isGSM ? gsm7Single : ucs2Single
        let part = isGSM ? gsm7Part : ucs2Part

        var units = 0
        for scalar in scalars { units += width(scalar) }
        guard units > single else {
            return SMSEncodingInfo(encoding: isGSM ? .gsm7 : .ucs2, units: units, segments: 1, perSegment: single)
        }
        var segments = 1
        var filled = 0
        for scalar in scalars {
            let size = width(scalar)
            if filled + size > part {
                segments += 1
                filled = 0
            }
            filled += size
        }
        return SMSEncodingInfo(encoding: isGSM ? .gsm7 : .ucs2, units: units, segments: segments, perSegment: part)
    }

    /// The GSM 03.38 default alphabet, codes 0x00–0x7F in order, minus the escape code 0x1B.
    static let gsm7Basic: Set<Unicode.Scalar> = Set(
        ("@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà").unicodeScalars)

    /// The GSM 03.38 extension table: each is sent as escape + code, two units.
    static let gsm7Extension: Set<Unicode.Scalar> = Set("\u{0C}^{}\\[~]|€".unicodeScalars)
}
