import Foundation
import XMLCoder
import ZIPFoundation

/// Reads the first worksheet of an Office Open XML workbook (`.xlsx`).
///
/// The first sheet is the first in the workbook's own order (`xl/workbook.xml`), found through
/// `xl/_rels/workbook.xml.rels`; every other sheet is ignored. Cells come out as the text a person
/// sees: shared and inline strings (rich text runs joined), numbers in plain decimal digits (a phone
/// stored as `9.12345678E8` reads `912345678`), booleans as `TRUE`/`FALSE`, errors as written
/// (`#N/A`). Gaps between cells become empty cells; row numbers are the sheet's own.
public enum XLSXReader {
    /// Excel's own limits: columns `A…XFD` and 1 048 576 rows.
    static let maxColumns = 16_384
    static let maxRows = 1_048_576

    /// The first sheet's rows, in order, empty rows left out.
    public static func firstSheet(_ data: Data) throws(SheetError) -> [SheetRow] {
        let archive = try XLSXArchive(data)
        let workbook: XLSXWorkbook = try decode(archive.part("xl/workbook.xml", missing: "the workbook has no xl/workbook.xml"), "xl/workbook.xml")
        guard let first = workbook.sheets?.sheet?.first else { throw SheetError("the workbook has no sheet") }
        let sheetPath = try path(of: first, in: archive)
        let shared = try sharedStrings(archive)
        let sheetXML = try archive.part(sheetPath, missing: "the workbook names a first sheet (\(first.name ?? "?")) that is not in the file")
        let worksheet: XLSXWorksheet = try decode(sheetXML, sheetPath)
        return try rows(of: worksheet, shared: shared)
    }

    /// The archive path of a sheet, from its relationship id.
    private static func path(of sheet: XLSXWorkbook.Entry, in archive: XLSXArchive) throws(SheetError) -> String {
        let relsPath = "xl/_rels/workbook.xml.rels"
        let rels: XLSXRelationships = try decode(archive.part(relsPath, missing: "the workbook has no \(relsPath)"), relsPath)
        guard let id = sheet.relationship,
            let target = rels.relationship?.first(where: { $0.id == id })?.target, !target.isEmpty
        else { throw SheetError("the workbook does not say where its first sheet (\(sheet.name ?? "?")) is") }
        return resolve(target, from: "xl")
    }

    /// A relationship target as an archive path: absolute (`/xl/worksheets/sheet1.xml`) or relative to `base`.
    static func resolve(_ target: String, from base: String) -> String {
        var parts: [Substring] = target.hasPrefix("/") ? [] : base.split(separator: "/")
        for part in target.split(separator: "/") {
            switch part {
            case ".": continue
            case "..": if !parts.isEmpty { parts.removeLast() }
            default: parts.append(part)
            }
        }
        return parts.joined(separator: "/")
    }

    /// The shared strings table, NFC; empty when the workbook has none (all text inline).
    private static func sharedStrings(_ archive: XLSXArchive) throws(SheetError) -> [String] {
        guard let xml = try archive.partIfPresent("xl/sharedStrings.xml") else { return [] }
        let table: XLSXSharedStrings = try decode(xml, "xl/sharedStrings.xml")
        return (table.si ?? []).map { XLSXCellText.nfc($0.text) }
    }

    private static func decode<T: Decodable>(_ xml: Data, _ name: String) throws(SheetError) -> T {
        let decoder = XMLDecoder()
        decoder.shouldProcessNamespaces = true
        // `<t xml:space="preserve"> Thị Lan</t>`: the blank is part of the text.
        decoder.trimValueWhitespaces = false
        decoder.removeWhitespaceElements = true
        do {
            return try decoder.decode(T.self, from: xml)
        } catch {
            throw SheetError("\(name) in the workbook is not valid XML (\(Self.brief(error)))")
        }
    }

    private static func brief(_ error: any Error) -> String {
        let text = "\(error)"
        return text.count > 160 ? String(text.prefix(160)) + "…" : text
    }

    /// The worksheet's non-empty rows with their cells placed by column.
    private static func rows(of sheet: XLSXWorksheet, shared: [String]) throws(SheetError) -> [SheetRow] {
        var result: [SheetRow] = []
        var previous = 0
        for row in sheet.sheetData?.row ?? [] {
            let number: Int
            if let given = row.r {
                guard let parsed = Int(given), parsed >= 1, parsed <= maxRows else { throw SheetError("row number ‘\(given)’ is not a row of a sheet") }
                number = parsed
            } else {
                number = previous + 1
            }
            previous = number
            var cells: [String] = []
            for cell in row.c ?? [] {
                let column: Int
                if let reference = cell.r {
                    column = try XLSXCellText.column(of: reference)
                } else {
                    column = cells.count
                }
                let text = try XLSXCellText.text(of: cell, shared: shared)
                if column >= cells.count {
                    guard !text.isEmpty else { continue }
                    cells.append(contentsOf: repeatElement("", count: column - cells.count + 1))
                }
                cells[column] = text
            }
            while let last = cells.last, last.isEmpty { cells.removeLast() }
            if !cells.isEmpty { result.append(SheetRow(number: number, cells: cells)) }
        }
        return result
    }
}
