import Foundation
import LoaSheets
import func LoaTesting.onOwnThread
import Testing

@Suite("xlsx reading")
struct XLSXReaderTests {
    /// What the commune's sheet shows, row by row (sheet row numbers), in both real writers' files.
    static let messyRows: [SheetRow] = [
        SheetRow(number: 1, cells: ["UBND XÃ HẢI LẠNG"]),
        SheetRow(number: 2, cells: ["DANH SÁCH HỘ DÂN THÔN THÔNG NHẤT, ĐỒNG TÂM, TÂN LẬP"]),
        SheetRow(number: 4, cells: ["STT", "Họ và tên", "Số điện thoại", "Thôn", "Nhóm", "Ghi chú"]),
        SheetRow(number: 5, cells: ["1", "Nguyễn Văn An", "912345678", "Thông Nhất", "Hội Nông dân; Chi bộ"]),
        SheetRow(number: 6, cells: ["2", "Trần Thị Bình", "0987 654 321", "Thông Nhất", "Hội Phụ nữ", "số nhà 12"]),
        SheetRow(number: 7, cells: ["3", "Lê Văn Cường", "901234567", "Đồng Tâm"]),
        SheetRow(number: 9, cells: ["4", "Phạm Thị Dung", "356789012", "Đồng Tâm"]),
        SheetRow(number: 10, cells: ["5", "Hoàng Văn Em", "0212345678", "Đồng Tâm", "", "số bàn"]),
        SheetRow(number: 11, cells: ["6", "Vũ Thị Phương", "912345678", "Tân Lập", "", "trùng số với anh An"]),
        SheetRow(number: 12, cells: ["7", "Đặng Văn Giang", "84977123456", "Tân Lập", "Hội Cựu chiến binh"]),
        SheetRow(number: 13, cells: ["8", "Bùi Thị Hoa", "+84 868 123 456", "Tân Lập", "Đoàn Thanh niên"]),
        SheetRow(number: 14, cells: ["9", "Ngô Thị Lan", "0966555444", "Tân Lập"]),
    ]

    @Test("A commune's export from a real spreadsheet writer", arguments: [
        "messy.xlsx (openpyxl: inline strings)", "messy-shared.xlsx (XlsxWriter: shared strings, as Excel)",
    ])
    func messyExport(label: String) throws {
        let file = String(label.prefix { $0 != " " })
        let rows = try XLSXReader.firstSheet(try SheetFixtures.data(file))
        #expect(rows == Self.messyRows)
        let hamlet: String = try #require(rows.first { $0.number == 7 }?.cells[3])
        #expect(Array(hamlet.unicodeScalars) == Array("Đồng Tâm".precomposedStringWithCanonicalMapping.unicodeScalars), "NFD typed, NFC read")
        #expect(!rows.flatMap(\.cells).contains("Người ở trang tổng hợp"), "the second sheet is ignored")
    }

    @Test("Cells by type and reference", arguments: [
        ("number", "<c r=\"A1\"><v>912345678</v></c>", ["912345678"]),
        ("number in scientific notation", "<c r=\"A1\" t=\"n\"><v>9.12345678E8</v></c>", ["912345678"]),
        ("float with .0", "<c r=\"A1\"><v>912345678.0</v></c>", ["912345678"]),
        ("decimal", "<c r=\"A1\"><v>12.50</v></c>", ["12.5"]),
        ("small exponent", "<c r=\"A1\"><v>1.5E-3</v></c>", ["0.0015"]),
        ("negative", "<c r=\"A1\"><v>-42</v></c>", ["-42"]),
        ("boolean", "<c r=\"A1\" t=\"b\"><v>1</v></c><c r=\"B1\" t=\"b\"><v>0</v></c>", ["TRUE", "FALSE"]),
        ("error", "<c r=\"A1\" t=\"e\"><v>#N/A</v></c>", ["#N/A"]),
        ("formula text", "<c r=\"A1\" t=\"str\"><f>A2&amp;\"x\"</f><v>Thôn 1x</v></c>", ["Thôn 1x"]),
        ("formula number", "<c r=\"A1\"><f>SUM(B1:B9)</f><v>3</v></c>", ["3"]),
        ("inline", "<c r=\"A1\" t=\"inlineStr\"><is><t>Hải Lạng</t></is></c>", ["Hải Lạng"]),
        ("inline rich text", "<c r=\"A1\" t=\"inlineStr\"><is><r><rPr><b/></rPr><t>Ngô</t></r><r><t xml:space=\"preserve\"> Thị Lan</t></r></is></c>", ["Ngô Thị Lan"]),
        ("gaps become empty cells", "<c r=\"B1\"><v>2</v></c><c r=\"D1\"><v>4</v></c>", ["", "2", "", "4"]),
        ("two-letter column", "<c r=\"AB1\"><v>1</v></c>", Array(repeating: "", count: 27) + ["1"]),
        ("cells without reference follow each other", "<c><v>1</v></c><c><v>2</v></c>", ["1", "2"]),
        ("styled empty cells are nothing", "<c r=\"A1\" s=\"1\"/><c r=\"B1\"><v>x</v></c><c r=\"C1\" s=\"2\"/>", ["", "x"]),
        ("escaped text", "<c r=\"A1\" t=\"inlineStr\"><is><t>a &amp; b &lt;c&gt;</t></is></c>", ["a & b <c>"]),
    ] as [(String, String, [String])])
    func cells(label: String, xml: String, expected: [String]) throws {
        let rows = try XLSXReader.firstSheet(try SheetFixtures.sheet("<row r=\"3\">\(xml)</row>"))
        #expect(rows == [SheetRow(number: 3, cells: expected)], "\(label)")
    }

    @Test("Shared strings: plain, rich text runs, phonetic runs left out, NFC")
    func sharedStrings() throws {
        let shared = [
            "Họ và tên", "<r><rPr><b/></rPr><t>Trần</t></r><r><t xml:space=\"preserve\"> Thị Bình</t></r>",
            "<t>東京</t><rPh sb=\"0\" eb=\"2\"><t>トウキョウ</t></rPh>", "Tho\u{302}ng Nha\u{302}\u{301}t",
        ]
        let data = try SheetFixtures.sheet(
            "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c><c r=\"C1\" t=\"s\"><v>2</v></c><c r=\"D1\" t=\"s\"><v>3</v></c></row>",
            shared: shared)
        let rows = try XLSXReader.firstSheet(data)
        #expect(rows.first?.cells == ["Họ và tên", "Trần Thị Bình", "東京", "Thông Nhất"])
        #expect(rows.first?.cells[3].unicodeScalars.count == "Thông Nhất".unicodeScalars.count)
    }

    @Test("The first sheet in workbook order is read, wherever its file is")
    func workbookOrder() throws {
        let data = try SheetFixtures.workbook([
            (name: "Danh sách", path: "/xl/worksheets/sheet2.xml", data: "<row r=\"1\"><c r=\"A1\"><v>2</v></c></row>"),
            (name: "Tổng hợp", path: "worksheets/sheet1.xml", data: "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>"),
        ])
        #expect(try XLSXReader.firstSheet(data) == [SheetRow(number: 1, cells: ["2"])])
    }

    @Test("Rows keep the sheet's numbers; rows without a number follow the previous one; empty rows are left out")
    func rowNumbers() throws {
        let data = try SheetFixtures.sheet(
            "<row r=\"2\"><c r=\"A2\"><v>1</v></c></row><row><c><v>2</v></c></row><row r=\"9\"/><row r=\"10\"><c r=\"A10\" s=\"3\"/></row><row r=\"12\"><c r=\"C12\"><v>3</v></c></row>")
        #expect(try XLSXReader.firstSheet(data) == [
            SheetRow(number: 2, cells: ["1"]), SheetRow(number: 3, cells: ["2"]), SheetRow(number: 12, cells: ["", "", "3"]),
        ])
    }

    @Test("Pretty-printed XML with prefixed element names reads the same")
    func prefixedAndIndented() throws {
        let sheet = """
            <?xml version="1.0" encoding="UTF-8"?>
            <x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
              <x:sheetData>
                <x:row r="1">
                  <x:c r="A1" t="inlineStr"><x:is><x:t>An</x:t></x:is></x:c>
                  <x:c r="B1"><x:v>912345678</x:v></x:c>
                </x:row>
              </x:sheetData>
            </x:worksheet>
            """
        let data = try SheetFixtures.zip([
            ("xl/workbook.xml", "<workbook \(SheetFixtures.workbookNamespaces)>\n  <sheets>\n    <sheet name=\"A\" sheetId=\"1\" r:id=\"rId7\"/>\n  </sheets>\n</workbook>"),
            ("xl/_rels/workbook.xml.rels",
             "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId7\" Target=\"worksheets/a.xml\" Type=\"w\"/></Relationships>"),
            ("xl/worksheets/a.xml", sheet),
        ])
        #expect(try XLSXReader.firstSheet(data) == [SheetRow(number: 1, cells: ["An", "912345678"])])
    }

    @Test("Files that are not workbooks are refused with words naming the problem", arguments: [
        ("CSV text", Data("name;phone\n".utf8), "not an .xlsx file"),
        ("empty", Data(), "not an .xlsx file"),
        ("truncated ZIP", Data([0x50, 0x4B, 0x03, 0x04, 1, 2, 3]), "damaged"),
        ("a .docx", try? SheetFixtures.zip([("word/document.xml", "<w:document/>")]), "no xl/workbook.xml"),
        ("no sheet", try? SheetFixtures.workbook([]), "has no sheet"),
        ("sheet file missing", try? SheetFixtures.zip([
            ("xl/workbook.xml", "<workbook \(SheetFixtures.workbookNamespaces)><sheets><sheet name=\"A\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"),
            ("xl/_rels/workbook.xml.rels", "<Relationships><Relationship Id=\"rId1\" Target=\"worksheets/sheet1.xml\"/></Relationships>"),
        ]), "not in the file"),
        ("broken XML", try? SheetFixtures.sheet("<row r=\"1\"><c r=\"A1\"><v>1</c></row>"), "not valid XML"),
        ("unknown shared string", try? SheetFixtures.sheet("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>5</v></c></row>", shared: ["a"]), "shared text number 5"),
        ("bad cell reference", try? SheetFixtures.sheet("<row r=\"1\"><c r=\"ZZZZ1\"><v>1</v></c></row>"), "not a cell of a sheet"),
    ] as [(String, Data?, String)])
    func refusals(label: String, data: Data?, words: String) throws {
        let data = try #require(data)
        #expect {
            try XLSXReader.firstSheet(data)
        } throws: { error in
            "\(error)".contains(words)
        }
    }

    @Test("10 000 rows read in one go")
    func tenThousandRows() async throws {
        let data = try SheetFixtures.data("residents-10k.xlsx")
        let rows = try await onOwnThread { try XLSXReader.firstSheet(data) }
        #expect(rows.count == 10_002)
        #expect(rows.last?.number == 10_002)
        #expect(rows.last?.cells[2] == "912009999")
    }
}
