import Foundation
import Testing

extension OfficeBrowserTests {
    /// 3. The messy export is uploaded, previewed with its rejected rows, confirmed, then listed.
    static func importResidents(_ day: OfficeDay, _ office: BrowserSession) async throws -> Bool {
        guard await day.landed("/residents/import", "the import page (engineer B1)") else {
            guard try await importThroughCLI(day) else { return false }
            return try await listResidents(day, office)
        }
        try await office.visit(day.origin, "/residents/import")
        guard try await !office.elements("input[type='file']").isEmpty else {
            day.missing("the import page's upload form (engineer B1)")
            guard try await importThroughCLI(day) else { return false }
            return try await listResidents(day, office)
        }
        try await day.photograph(office, "import")
        try await office.type(fixture.path, into: "input[type='file']")
        try await office.click(element: try await office.element("//" + BrowserSession.control("Tải lên và xem trước"), using: "xpath"))
        try await office.wait(forText: "Xem trước khi nhập", "Đặng Văn Giang", "Bị từ chối")
        let preview = try await office.text()
        for name in ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung", "Bùi Thị Hoa", "Ngô Thị Lan"] {
            #expect(preview.contains(name), "the preview adds \(name)")
        }
        #expect(!preview.contains("Người ở trang tổng hợp"), "nothing from the second sheet")
        let rejected = String(preview[(preview.range(of: "Bị từ chối")?.upperBound ?? preview.startIndex)...])
        #expect(rejected.contains("10") && rejected.contains("11") && rejected.contains("0212345678"),
                "the rejected rows by the sheet's row numbers with the reason: \(preview)")
        #expect(preview.contains("Chưa có gì được lưu"))
        #expect((try await day.cli.json("residents", "list") as? [Any])?.count == 0, "nothing is stored before the office confirms")
        try await day.photograph(office, "import-preview")
        try await office.click(element: try await office.element("//" + BrowserSession.control("Xác nhận nhập"), using: "xpath"))
        try await office.wait(forText: "Đã nhập danh sách", "7")
        try await day.photograph(office, "import-done")
        let stored = try #require(try await day.cli.json("residents", "list") as? [[String: Any]])
        #expect(stored.count == 7, "seven residents stored: \(stored)")
        #expect(stored.contains { $0["phone"] as? String == "+84901234567" && $0["hamlet"] as? String == "Đồng Tâm" })
        return try await listResidents(day, office)
    }

    /// `/residents` lists the imported residents, the phone that lost its zero shown as `09…`.
    static func listResidents(_ day: OfficeDay, _ office: BrowserSession) async throws -> Bool {
        guard await day.landed("/residents", "the residents page (engineer B2)") else { return false }
        try await office.visit(day.origin, "/residents")
        let list = try await office.text()
        #expect(list.contains("Lê Văn Cường") && list.contains("Ngô Thị Lan"))
        let digits = list.filter { !$0.isWhitespace && $0 != "." }
        #expect(digits.contains("0901234567"), "a phone that lost its leading zero is shown as 09…: \(list)")
        try await day.photograph(office, "residents")
        return true
    }

    /// The fixture imported with `loa residents import`, so that the rest of the day still runs
    /// while the import page is missing (already recorded as a failure).
    static func importThroughCLI(_ day: OfficeDay) async throws -> Bool {
        let imported = try await day.cli.run("residents", "import", fixture.path)
        #expect(imported.status == 0 && imported.stdout.contains("added 7"), "\(imported.stdout)\(imported.stderr)")
        return imported.status == 0
    }

    /// The commune's messy export: merged title rows, phones that lost their zero, a second sheet.
    static var fixture: URL {
        BrowserTests.buildDirectory().deletingLastPathComponent().appendingPathComponent("Fixtures/residents/messy.xlsx")
    }
}
