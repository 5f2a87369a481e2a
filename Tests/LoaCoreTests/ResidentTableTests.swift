import LoaCore
import Testing

@Suite("Resident table: header search and sheet rows")
struct ResidentTableTests {
    @Test("Title rows above the header are skipped in CSV; data keeps its physical lines")
    func csvTitleRows() throws {
        let text = "UBND XÃ HẢI LẠNG;;;\nDANH SÁCH HỘ DÂN THÔN THÔNG NHẤT;;;\n;;;\nSTT;Họ và tên;Số điện thoại;Thôn\n1;An;0912345678;Thông Nhất\n2;Bình;0912345678;Thông Nhất\n"
        let result = try ResidentCSVReader.parse(Array(text.utf8))
        #expect(result.residents.map(\.line) == [5])
        #expect(result.residents.first?.hamlet == "Thông Nhất")
        #expect(result.rejections == [ResidentRejection(line: 6, reason: "duplicate phone +84912345678, first on line 5")])
        #expect(result.ignoredHeaders == ["STT"])
    }

    @Test("Without a header, the row that came closest says what is missing", arguments: [
        ("DANH SÁCH\nSTT;Họ và tên;Thôn\n1;An;X\n", ResidentCSVError.missingColumns(missing: ["phone"], found: ["STT", "Họ và tên", "Thôn"])),
        ("DANH SÁCH\n1;2;3\n", .missingColumns(missing: ["name", "phone"], found: ["DANH SÁCH"])),
        ("Tiêu đề\nHọ tên;SĐT;Tổ;Ấp\n", .duplicateColumn(field: "hamlet", first: "Tổ", second: "Ấp")),
    ])
    func noHeader(text: String, error: ResidentCSVError) {
        #expect(throws: error) { try ResidentCSVReader.parse(Array(text.utf8)) }
    }

    @Test("Sheet rows: header found below titles, sheet row numbers in rejections, groups split on commas too")
    func sheetRows() throws {
        let rows: [(number: Int, cells: [String])] = [
            (1, ["UBND XÃ HẢI LẠNG"]),
            (2, ["DANH SÁCH HỘ DÂN"]),
            (4, ["STT", "Họ và tên", "Số điện thoại", "Thôn", "Nhóm"]),
            (5, ["1", "Nguyễn Văn An", "912345678", "Thông Nhất", "Hội Nông dân, Chi bộ"]),
            (7, ["2", "Vũ Thị Phương", "0912 345 678", "Tân Lập"]),
            (8, ["3", "Hoàng Văn Em", "0212345678"]),
            (9, ["", "", ""]),
        ]
        let result = try ResidentTable.parse(rows: rows)
        #expect(result.residents.map(\.line) == [5])
        #expect(result.residents.first?.phone.e164 == "+84912345678", "a phone that lost its leading zero")
        #expect(result.residents.first?.groups == ["Hội Nông dân", "Chi bộ"])
        #expect(result.rejections.map(\.line) == [7, 8])
        #expect(result.rejections.first?.reason == "duplicate phone +84912345678, first on row 5")
        #expect(result.columns == [.hamlet, .groups])
        #expect(result.ignoredHeaders == ["STT"])
    }

    @Test("Sheet rows with no header at all", arguments: [
        ([] as [[String]], ResidentCSVError.noHeader),
        ([["Tên"], ["An"]], .missingColumns(missing: ["phone"], found: ["Tên"])),
    ])
    func sheetWithoutHeader(cells: [[String]], error: ResidentCSVError) {
        let rows = cells.enumerated().map { (number: $0.offset + 1, cells: $0.element) }
        #expect(throws: error) { try ResidentTable.parse(rows: rows) }
    }
}
