/// A Vietnamese mobile number, held in E.164 form (`+84912345678`).
public struct PhoneNumber: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The number in E.164 form, `+84` followed by nine digits.
    public let e164: String
    /// The network the number's prefix belongs to.
    public let carrier: Carrier

    /// Reads a number written any common Vietnamese way (`0912 345 678`, `+84-912-345-678`,
    /// `0084…`, `84…`, a 9-digit number Excel stripped of its `0`, full-width digits, a leading `'`).
    public init(parsing text: String) throws(PhoneNumberError) {
        var digits: [UInt8] = []
        digits.reserveCapacity(16)
        var sawPlus = false
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x30...0x39: digits.append(UInt8(scalar.value - 0x30))
            case 0xFF10...0xFF19: digits.append(UInt8(scalar.value - 0xFF10))
            case 0x2B, 0xFF0B:
                guard digits.isEmpty, !sawPlus else { throw .misplacedPlus(Self.shown(text)) }
                sawPlus = true
            case 0x27, 0x2019:
                // Excel's "store as text" apostrophe; only meaningful before the number.
                guard digits.isEmpty, !sawPlus else { throw .invalidCharacter(Self.shown(text), Character(scalar)) }
            case 0x20, 0x2D, 0x2E, 0x28, 0x29, 0xA0, 0x2010...0x2015, 0x2212, 0xFF08, 0xFF09, 0xFF0D, 0xFF0E,
                 0x200B, 0xFEFF:
                continue
            default:
                if scalar.isBlank { continue }
                if scalar.properties.isAlphabetic { throw .containsLetters(Self.shown(text)) }
                throw .invalidCharacter(Self.shown(text), Character(scalar))
            }
        }
        guard !digits.isEmpty else { throw .empty }
        let national = try Self.nationalDigits(digits, international: sawPlus, text: text)
        self = try Self.validate(national, text: text)
    }

    /// Wraps a stored E.164 value, or nil if it is not `+84` and a current 9-digit mobile number.
    public init?(e164: String) {
        var text = e164
        let carrier: Carrier? = text.withUTF8 { bytes in
            guard bytes.count == 12, bytes[0] == 0x2B, bytes[1] == 0x38, bytes[2] == 0x34,
                  bytes[3...].allSatisfy({ (0x30...0x39).contains($0) })
            else { return nil }
            return Carrier(prefixDigits: Int(bytes[3] - 0x30) * 10 + Int(bytes[4] - 0x30))
        }
        guard let carrier else { return nil }
        self.e164 = e164
        self.carrier = carrier
    }

    /// The number as dialled inside Vietnam, `0912345678`.
    public var national: String { "0" + e164.dropFirst(3) }

    public var description: String { e164 }

    // The carrier follows from the number, so the number alone decides identity.
    public static func == (lhs: PhoneNumber, rhs: PhoneNumber) -> Bool { lhs.e164 == rhs.e164 }

    public func hash(into hasher: inout Hasher) { hasher.combine(e164) }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        if let number = PhoneNumber(e164: text) {
            self = number
            return
        }
        do {
            self = try PhoneNumber(parsing: text)
        } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.description))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(e164)
    }

    /// The digits after the trunk `0` / country code, once the international forms are unwrapped.
    private static func nationalDigits(
        _ digits: [UInt8], international: Bool, text: String
    ) throws(PhoneNumberError) -> ArraySlice<UInt8> {
        var rest = digits[...]
        if international || digits.starts(with: [0, 0]) {
            if !international { rest = rest.dropFirst(2) }
            guard rest.starts(with: [8, 4]) else {
                throw .foreign(shown(text), countryCode: countryCode(rest))
            }
            rest = rest.dropFirst(2)
            if rest.first == 0 { rest = rest.dropFirst() }  // "+84 (0) 912 …"
        } else if digits.first == 0 {
            rest = rest.dropFirst()
        } else if digits.starts(with: [8, 4]) && digits.count >= 11 {
            rest = rest.dropFirst(2)
            if rest.first == 0 { rest = rest.dropFirst() }
        }
        return rest
    }

    private static func validate(_ rest: ArraySlice<UInt8>, text: String) throws(PhoneNumberError) -> PhoneNumber {
        let count = rest.count
        let start = rest.startIndex
        if count >= 9 && count <= 10 && rest[start] == 2 {
            throw .landline(shown(text), prefix: "0" + digitString(rest.prefix(2)))
        }
        if count == 10 && rest[start] == 1 {
            let old = "0" + digitString(rest.prefix(3))
            let new = Carrier.renumbered2018[old]
            throw .oldElevenDigit(
                shown(text), oldPrefix: old, newPrefix: new, suggestion: new.map { $0 + digitString(rest.dropFirst(3)) })
        }
        if count < 9 { throw .tooFewDigits(shown(text)) }
        if count > 9 { throw .tooManyDigits(shown(text)) }
        guard let carrier = Carrier(prefixDigits: Int(rest[start]) * 10 + Int(rest[start + 1])) else {
            throw .notMobilePrefix(shown(text), prefix: "0" + digitString(rest.prefix(2)))
        }
        var e164: [UInt8] = [0x2B, 0x38, 0x34]
        e164.append(contentsOf: rest.lazy.map { $0 + 0x30 })
        return PhoneNumber(trusted: String(decoding: e164, as: UTF8.self), carrier: carrier)
    }

    private init(trusted e164: String, carrier: Carrier) {
        self.e164 = e164
        self.carrier = carrier
    }

    private static func digitString(_ digits: ArraySlice<UInt8>) -> String {
        String(decoding: digits.map { $0 + 0x30 }, as: UTF8.self)
    }

    /// A best guess at the country code that starts `digits`, for the error message only.
    private static func countryCode(_ digits: ArraySlice<UInt8>) -> String {
        let twoDigitCodes: Set<Int> = [
            20, 27, 30, 31, 32, 33, 34, 36, 39, 40, 41, 43, 44, 45, 46, 47, 48, 49, 51, 52, 53, 54, 55,
            56, 57, 58, 60, 61, 62, 63, 64, 65, 66, 81, 82, 84, 86, 90, 91, 92, 93, 94, 95, 98,
        ]
        guard let first = digits.first else { return "" }
        if first == 1 || first == 7 { return digitString(digits.prefix(1)) }
        let two = Array(digits.prefix(2))
        if two.count == 2, twoDigitCodes.contains(Int(two[0]) * 10 + Int(two[1])) { return digitString(digits.prefix(2)) }
        return digitString(digits.prefix(3))
    }

    /// The input as staff typed it, minus surrounding blanks, for error messages.
    private static func shown(_ text: String) -> String { text.trimmingBlanks }
}
