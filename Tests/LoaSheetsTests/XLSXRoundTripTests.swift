import Foundation
import LoaSheets
import Testing
import ZIPFoundation

@Suite("xlsx writing")
struct XLSXRoundTripTests {
    @Test("What is written reads back cell for cell", arguments: [
        ("phones keep their leading zero and plus", [["phone"], ["0912345678"], ["+84912345678"]]),
        ("Vietnamese text and XML characters", [["Họ và tên", "Ghi chú"], ["Nguyễn Văn An", "a & b <c> \"d\" 'e'"]]),
        ("empty cells and short rows", [["a", "b", "c"], ["", "x"], ["y"]]),
        ("formula-looking text stays text", [["name"], ["=HYPERLINK(\"http://x\")"], ["+84 912"]]),
        ("blanks inside cells", [["  An  "], ["line\nbreak"]]),
    ] as [(String, [[String]])])
    func roundTrip(label: String, rows: [[String]]) throws {
        let data = try XLSXWriter.workbook(sheet: "Cư dân", rows: rows)
        let read = try XLSXReader.firstSheet(data)
        let expected = rows.enumerated().compactMap { index, cells -> SheetRow? in
            var trimmed = cells
            while trimmed.last?.isEmpty == true { trimmed.removeLast() }
            return trimmed.isEmpty ? nil : SheetRow(number: index + 1, cells: trimmed)
        }
        #expect(read == expected, "\(label)")
    }

    @Test("The workbook has the parts Excel needs and marks cells as Text")
    func parts() throws {
        let data = try XLSXWriter.workbook(sheet: "Cư dân: [tháng 12]", rows: [["phone"], ["0912345678"]])
        let archive = try Archive(data: data, accessMode: .read)
        let paths = Set(archive.map(\.path))
        #expect(paths == [
            "[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml",
            "xl/worksheets/sheet1.xml",
        ])
        func text(_ path: String) throws -> String {
            var data = Data()
            _ = try archive.extract(try #require(archive[path])) { data.append($0) }
            return String(decoding: data, as: UTF8.self)
        }
        #expect(try text("xl/workbook.xml").contains("name=\"Cư dân tháng 12\""), "characters Excel forbids in sheet names are dropped")
        #expect(try text("xl/styles.xml").contains("numFmtId=\"49\""))
        #expect(try text("xl/worksheets/sheet1.xml").contains("<c r=\"A2\" s=\"1\" t=\"inlineStr\"><is><t xml:space=\"preserve\">0912345678</t>"))
        #expect(try XLSXWriter.workbook(sheet: "x", rows: [["a"]]) == XLSXWriter.workbook(sheet: "x", rows: [["a"]]), "same rows, same bytes")
    }

    @Test
    func notAWorkbookIsRefusedByName() {
        #expect(throws: SheetError.self) { try XLSXReader.firstSheet(Data("name;phone\n".utf8)) }
    }
}
