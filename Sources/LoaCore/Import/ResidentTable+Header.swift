extension ResidentTable {
    /// The resident fields a column can hold.
    enum Field: String, Sendable, CaseIterable {
        case name, phone, zalo, hamlet, groups, channels

        var slot: Int {
            switch self {
            case .name: 0
            case .phone: 1
            case .zalo: 2
            case .hamlet: 3
            case .groups: 4
            case .channels: 5
            }
        }
    }

    /// Header spellings per field, as `headerKey` leaves them (folded, lowercased, punctuation as blanks).
    static let aliases: [String: Field] = {
        let spellings: [(Field, [String])] = [
            (.name, ["name", "full name", "ho ten", "ho va ten", "ten"]),
            (.phone, ["phone", "phone number", "so dien thoai", "sdt", "dien thoai", "mobile", "so di dong", "di dong"]),
            (.zalo, ["zalo", "zalo id", "zaloid"]),
            (.hamlet, ["hamlet", "thon", "ap", "to", "xom", "khu pho", "thon ap", "thon xom", "to dan pho"]),
            (.groups, ["groups", "group", "nhom"]),
            (.channels, ["channels", "channel", "kenh"]),
        ]
        var table: [String: Field] = [:]
        for (field, names) in spellings {
            for name in names { table[name] = field }
        }
        return table
    }()

    /// Examples of accepted headers per field name, for error messages.
    static let headerExamples: [String: String] = [
        "name": "name, họ tên, họ và tên, tên",
        "phone": "phone, số điện thoại, sđt, điện thoại, mobile",
    ]

    /// A header reduced for matching: `matchKey`, with `_`, `/`, `(*)` and other punctuation as blanks.
    static func headerKey(_ header: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in header.matchKey.unicodeScalars {
            let keep = scalar.properties.isAlphabetic || scalar.properties.numericType != nil
            scalars.append(keep ? scalar : " ")
        }
        return String(scalars).collapsingBlanks
    }
}
