/// A Vietnamese mobile network, identified by the first digits of a 10-digit national number.
public enum Carrier: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    case viettel, mobifone, vinaphone, vietnamobile, gmobile, itel, reddi

    /// The network's usual written name.
    public var description: String {
        switch self {
        case .viettel: "Viettel"
        case .mobifone: "Mobifone"
        case .vinaphone: "Vinaphone"
        case .vietnamobile: "Vietnamobile"
        case .gmobile: "Gmobile"
        case .itel: "Itel"
        case .reddi: "Reddi"
        }
    }

    /// The national prefixes (with the trunk `0`) currently assigned to this network.
    public var prefixes: [String] {
        Self.table.enumerated().compactMap { index, carrier in
            carrier == self ? "0\(index)" : nil
        }
    }

    /// The network owning a national prefix, given as the two digits after the trunk `0`
    /// (`91` for `091`), or nil when those digits are not a mobile prefix.
    public init?(prefixDigits: Int) {
        guard Self.table.indices.contains(prefixDigits), let carrier = Self.table[prefixDigits] else {
            return nil
        }
        self = carrier
    }

    /// Index = the two digits after the trunk `0`; nil where no mobile network holds the prefix.
    private static let table: [Carrier?] = {
        var table = [Carrier?](repeating: nil, count: 100)
        let assignments: [(Carrier, [Int])] = [
            (.viettel, [32, 33, 34, 35, 36, 37, 38, 39, 86, 96, 97, 98]),
            (.mobifone, [70, 76, 77, 78, 79, 89, 90, 93]),
            (.vinaphone, [81, 82, 83, 84, 85, 88, 91, 94]),
            (.vietnamobile, [52, 56, 58, 92]),
            (.gmobile, [59, 99]),
            (.itel, [87]),
            (.reddi, [55]),
        ]
        for (carrier, prefixes) in assignments {
            for prefix in prefixes { table[prefix] = carrier }
        }
        return table
    }()

    /// Where the 11-digit `01xx` prefixes went in the 2018 renumbering, keyed by the old prefix.
    static let renumbered2018: [String: String] = [
        "0162": "032", "0163": "033", "0164": "034", "0165": "035",
        "0166": "036", "0167": "037", "0168": "038", "0169": "039",
        "0120": "070", "0121": "079", "0122": "077", "0126": "076", "0128": "078",
        "0123": "083", "0124": "084", "0125": "085", "0127": "081", "0129": "082",
        "0186": "056", "0188": "058", "0199": "059",
    ]
}
