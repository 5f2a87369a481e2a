import Foundation

// The parts of a workbook that the reader needs, as XMLCoder decodes them. Everything else in
// the XML (styles, column widths, merged ranges, formulas) is ignored.

/// `xl/workbook.xml`: the sheets in the order the workbook shows them.
struct XLSXWorkbook: Decodable {
    struct Sheets: Decodable {
        let sheet: [Entry]?
    }

    /// One `<sheet name="…" r:id="rId1"/>`.
    struct Entry: Decodable {
        let name: String?
        let relationship: String?

        enum CodingKeys: String, CodingKey {
            case name
            case prefixed = "r:id"
            case local = "id"
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            name = try container.decodeIfPresent(String.self, forKey: .name)
            relationship = try container.decodeIfPresent(String.self, forKey: .prefixed)
                ?? container.decodeIfPresent(String.self, forKey: .local)
        }
    }

    let sheets: Sheets?
}

/// `xl/_rels/workbook.xml.rels`: where each relationship id points.
struct XLSXRelationships: Decodable {
    struct Relationship: Decodable {
        let id: String?
        let target: String?
        let type: String?

        enum CodingKeys: String, CodingKey {
            case id = "Id"
            case target = "Target"
            case type = "Type"
        }
    }

    let relationship: [Relationship]?

    enum CodingKeys: String, CodingKey {
        case relationship = "Relationship"
    }
}

/// A `<t>` element: its text, which may carry `xml:space="preserve"`.
struct XLSXText: Decodable {
    let value: String

    enum CodingKeys: String, CodingKey {
        case value = ""
    }

    init(from decoder: any Decoder) throws {
        if let plain = try? decoder.singleValueContainer().decode(String.self) {
            value = plain
        } else {
            value = try decoder.container(keyedBy: CodingKeys.self).decodeIfPresent(String.self, forKey: .value) ?? ""
        }
    }
}

/// A shared string `<si>` or an inline string `<is>`: plain `<t>` or rich text runs `<r><t>`.
/// Phonetic runs (`<rPh>`) are not part of the text and are left out.
struct XLSXRichText: Decodable {
    struct Run: Decodable {
        let t: XLSXText?
    }

    let t: XLSXText?
    let r: [Run]?

    var text: String {
        if let t { return t.value }
        return (r ?? []).map { $0.t?.value ?? "" }.joined()
    }
}

/// `xl/sharedStrings.xml`.
struct XLSXSharedStrings: Decodable {
    let si: [XLSXRichText]?
}

/// A worksheet's rows; only `<sheetData>` is read.
struct XLSXWorksheet: Decodable {
    struct SheetData: Decodable {
        let row: [Row]?
    }

    /// `<row r="7">` and its cells.
    struct Row: Decodable {
        let r: String?
        let c: [Cell]?
    }

    /// `<c r="B7" t="s"><v>3</v></c>`, or an inline string in `<is>`.
    struct Cell: Decodable {
        let r: String?
        let t: String?
        let v: String?
        let inline: XLSXRichText?

        enum CodingKeys: String, CodingKey {
            case r, t, v
            case inline = "is"
        }
    }

    let sheetData: SheetData?
}
