import Foundation
import ZIPFoundation

/// The committed workbooks in `Fixtures/residents/` and small workbooks assembled part by part.
enum SheetFixtures {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/residents")

    static func data(_ name: String) throws -> Data {
        try Data(contentsOf: directory.appendingPathComponent(name))
    }

    static let workbookNamespaces =
        "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\""

    /// A ZIP archive holding `parts` (path, text), as any spreadsheet program would write it.
    static func zip(_ parts: [(String, String)]) throws -> Data {
        let archive = try Archive(accessMode: .create)
        for (path, text) in parts {
            let bytes = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(bytes.count), compressionMethod: .deflate) {
                position, size in bytes.subdata(in: Int(position)..<min(bytes.count, Int(position) + size))
            }
        }
        return archive.data ?? Data()
    }

    /// A workbook whose sheets are `sheets` (name, archive path, `<sheetData>` content) in workbook
    /// order, with an optional shared strings table.
    static func workbook(_ sheets: [(name: String, path: String, data: String)], shared: [String]? = nil) throws -> Data {
        var entries = ""
        var rels = ""
        for (index, sheet) in sheets.enumerated() {
            entries += "<sheet name=\"\(sheet.name)\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>"
            rels += "<Relationship Id=\"rId\(index + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"\(sheet.path)\"/>"
        }
        var parts: [(String, String)] = [
            ("xl/workbook.xml", "<workbook \(workbookNamespaces)><sheets>\(entries)</sheets></workbook>"),
            ("xl/_rels/workbook.xml.rels",
             "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\(rels)</Relationships>"),
        ]
        for sheet in sheets {
            let path = sheet.path.hasPrefix("/") ? String(sheet.path.dropFirst()) : "xl/" + sheet.path
            parts.append((path, "<worksheet \(workbookNamespaces)><sheetData>\(sheet.data)</sheetData></worksheet>"))
        }
        if let shared {
            let items = shared.map { $0.hasPrefix("<") ? "<si>\($0)</si>" : "<si><t>\($0)</t></si>" }.joined()
            parts.append(("xl/sharedStrings.xml", "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">\(items)</sst>"))
        }
        return try zip(parts)
    }

    /// A one-sheet workbook with `data` as its `<sheetData>`.
    static func sheet(_ data: String, shared: [String]? = nil) throws -> Data {
        try workbook([(name: "Sheet1", path: "worksheets/sheet1.xml", data: data)], shared: shared)
    }
}
