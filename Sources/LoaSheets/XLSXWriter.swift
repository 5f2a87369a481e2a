import Foundation
import ZIPFoundation

/// Writes a one-sheet workbook (`.xlsx`) whose cells are all text.
///
/// Every cell is an inline string formatted as Text (`@`), so a phone such as `0912345678` or
/// `+84912345678` keeps its leading zero or plus sign when the file is opened and edited in Excel.
public enum XLSXWriter {
    /// The workbook's bytes: one sheet named `sheet` holding `rows`, the first of them the header.
    public static func workbook(sheet: String, rows: [[String]]) throws(SheetError) -> Data {
        let parts: [(String, String)] = [
            ("[Content_Types].xml", XLSXTemplate.contentTypes),
            ("_rels/.rels", XLSXTemplate.packageRelationships),
            ("xl/workbook.xml", XLSXTemplate.workbook(sheetName: sheetName(sheet))),
            ("xl/_rels/workbook.xml.rels", XLSXTemplate.workbookRelationships),
            ("xl/styles.xml", XLSXTemplate.styles),
            ("xl/worksheets/sheet1.xml", worksheet(rows)),
        ]
        do {
            let archive = try Archive(accessMode: .create)
            for (path, text) in parts {
                let bytes = Data(text.utf8)
                try archive.addEntry(
                    with: path, type: .file, uncompressedSize: Int64(bytes.count), modificationDate: XLSXTemplate.fixedDate,
                    compressionMethod: .deflate
                ) { position, size in
                    bytes.subdata(in: Int(position)..<min(bytes.count, Int(position) + size))
                }
            }
            guard let data = archive.data else { throw SheetError("the workbook could not be assembled in memory") }
            return data
        } catch let error as SheetError {
            throw error
        } catch {
            throw SheetError("the workbook could not be written (\(error))")
        }
    }

    /// A sheet name Excel accepts: at most 31 characters, none of `[]:*?/\`, not empty.
    static func sheetName(_ name: String) -> String {
        let cleaned = String(name.filter { !"[]:*?/\\".contains($0) && !$0.isNewline }.prefix(31))
        return cleaned.trimmingCharacters(in: .whitespaces).isEmpty ? "Sheet1" : cleaned
    }

    /// `xl/worksheets/sheet1.xml`: every non-empty cell as a Text-formatted inline string.
    static func worksheet(_ rows: [[String]]) -> String {
        var xml = XLSXTemplate.worksheetStart
        xml.reserveCapacity(xml.utf8.count + rows.count * 200)
        for (index, row) in rows.enumerated() {
            let number = index + 1
            xml += "<row r=\"\(number)\">"
            for (column, value) in row.enumerated() where !value.isEmpty {
                xml += "<c r=\"\(columnName(column))\(number)\" s=\"1\" t=\"inlineStr\"><is><t xml:space=\"preserve\">"
                xml += escape(value)
                xml += "</t></is></c>"
            }
            xml += "</row>"
        }
        xml += XLSXTemplate.worksheetEnd
        return xml
    }

    /// The letters of a zero-based column: 0 → `A`, 25 → `Z`, 26 → `AA`.
    static func columnName(_ column: Int) -> String {
        var number = column + 1
        var letters: [Character] = []
        while number > 0 {
            let remainder = (number - 1) % 26
            letters.append(Character(UnicodeScalar(UInt8(65 + remainder))))
            number = (number - 1) / 26
        }
        return String(letters.reversed())
    }

    /// Text escaped for XML; characters XML 1.0 cannot carry (control characters) are dropped.
    static func escape(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out.append(contentsOf: "&amp;".unicodeScalars)
            case "<": out.append(contentsOf: "&lt;".unicodeScalars)
            case ">": out.append(contentsOf: "&gt;".unicodeScalars)
            case "\"": out.append(contentsOf: "&quot;".unicodeScalars)
            case "\t", "\n", "\r": out.append(scalar)
            default:
                let value = scalar.value
                if value < 0x20 || value == 0xFFFE || value == 0xFFFF { continue }
                out.append(scalar)
            }
        }
        return String(out)
    }
}
