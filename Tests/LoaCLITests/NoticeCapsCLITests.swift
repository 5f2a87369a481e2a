import Foundation
import Testing

/// `loa notice create` keeps the caps of `[limits]`: reminders per notice and SMS parts per message;
/// a refused notice exits 1 naming the limit and stores nothing.
@Suite("loa notice create: caps")
struct NoticeCapsCLITests {
    @Test
    func remindersAndLengthAreCapped() async throws {
        let cli = try CLI()
        _ = try await cli.ok("residents", "import", try cli.fixture("messy-excel.csv"))
        let base = ["notice", "create", "--kind", "convocation", "--title", "Họp", "--to", "all", "--meeting", "2031-01-12 08:00"]
        let reminders = (1...11).flatMap { ["--remind", "\($0)h"] }
        let many = try await cli.runner.run(base + ["--body", "Mời họp."] + reminders)
        #expect(many.status == 1 && many.stderr.contains("--remind: at most 10 reminders"), "\(many.stderr)")
        let long = String(repeating: "Kính mời bà con dự họp bàn kế hoạch phòng chống bão. ", count: 60)
        let tooLong = try await cli.runner.run(base + ["--body", long])
        #expect(tooLong.status == 1 && tooLong.stderr.contains("at most 10 are allowed ([limits] sms_segments)"), "\(tooLong.stderr)")
        try cli.runner.write("loa.toml", Data("[limits]\nsms_segments = 100\nreminders_per_notice = 12\n".utf8))
        let allowed = try await cli.runner.run(base + ["--body", long] + reminders)
        #expect(allowed.status == 0, "\(allowed.stderr)")
        let list = try #require(try await cli.json("notice", "list") as? [[String: Any]])
        #expect(list.count == 1, "the refused notices stored nothing")
    }
}
