import Foundation
import Testing

@Suite("loa residents import (.xlsx)")
struct ResidentsXLSXCLITests {
    static func fixture(_ name: String) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/residents/\(name)"))
    }

    @Test("A commune's workbook imports from its first sheet, rejections by sheet row, whatever the file is called")
    func messyWorkbook() async throws {
        let cli = try CLI()
        let file = try cli.runner.write("danh-sach-ho-dan.dat", try Self.fixture("messy-shared.xlsx"))
        let report = try #require(try await cli.json("residents", "import", file) as? [String: Any])
        #expect(report["added"] as? Int == 7)
        let rejected = try #require(report["rejected"] as? [[String: Any]])
        #expect(rejected.map { $0["line"] as? Int } == [10, 11])
        #expect((rejected.last?["reason"] as? String)?.contains("first on row 5") == true)
        let residents = try #require(try await cli.json("residents", "list") as? [[String: Any]])
        #expect(Set(residents.compactMap { $0["phone"] as? String }).contains("+84912345678"))
        #expect(!residents.contains { $0["name"] as? String == "Người ở trang tổng hợp" })
        let text = try await cli.ok("residents", "import", file)
        #expect(text.contains("row 10:"))
        #expect(text.contains("unchanged 7"))
    }
}
