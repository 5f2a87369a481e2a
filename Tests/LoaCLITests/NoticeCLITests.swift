import Foundation
import Testing

@Suite("loa notice")
struct NoticeCLITests {
    func seeded() async throws -> CLI {
        let cli = try CLI()
        _ = try await cli.ok("residents", "import", try cli.fixture("messy-excel.csv"))
        return cli
    }

    @Test
    func aConvocationIsCreatedShownListedAndCancelled() async throws {
        let cli = try await seeded()
        let id = try await cli.ok(
            "notice", "create", "--kind", "convocation", "--title", "Họp thôn Thông Nhất",
            "--body", "Kính mời bà con dự họp tại nhà văn hóa thôn.", "--to", "hamlet:thong nhat",
            "--to", "phone:0977 123 456", "--at", "2030-01-10 07:30", "--meeting", "2030-01-12 08:00",
            "--place", "Nhà văn hóa thôn", "--remind", "2h", "--remind", "24h", "--channels", "zalo>sms"
        ).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(id.hasPrefix("N-") && id.count == 8, "prints only the id: \(id)")

        let notice = try #require(try await cli.json("notice", "show", id) as? [String: Any])
        #expect(notice["kind"] as? String == "convocation")
        #expect(notice["messages"] as? Int == 3)
        #expect(notice["at"] as? String == "2030-01-10T07:30:00+07:00")
        #expect(notice["meeting"] as? String == "2030-01-12T08:00:00+07:00")
        #expect(notice["expires"] as? String == "2030-01-12T08:00:00+07:00", "a convocation expires at its meeting")
        #expect(notice["ack_required"] as? Bool == true)
        #expect(notice["remind"] as? [String] == ["24h", "2h"])
        #expect(notice["to"] as? [String] == ["hamlet:Thông Nhất", "phone:+84977123456"])
        #expect((notice["states"] as? [String: Int])?["queued"] == 3)

        let list = try await cli.ok("notice", "list")
        #expect(list.contains(id) && list.contains("Họp thôn Thông Nhất"))

        let cancelled = try #require(try await cli.json("notice", "cancel", id) as? [String: Any])
        #expect(cancelled["status"] as? String == "cancelled")
        #expect(cancelled["cancelled_messages"] as? Int == 3)
        let after = try #require(try await cli.json("notice", "show", id) as? [String: Any])
        #expect((after["states"] as? [String: Int]) == ["cancelled": 3])
    }

    @Test
    func jsonCreationPrintsTheWholeNotice() async throws {
        let cli = try await seeded()
        try cli.runner.write("body.txt", Data("Thông báo lịch tiêm phòng cho gia súc.\n".utf8))
        let notice = try #require(
            try await cli.json(
                "notice", "create", "--title", "Tiêm phòng", "--body-file", "body.txt", "--to", "all",
                "--no-ack", "--priority", "urgent", "--channels", "sms") as? [String: Any])
        #expect(notice["body"] as? String == "Thông báo lịch tiêm phòng cho gia súc.")
        #expect(notice["messages"] as? Int == 6)
        #expect(notice["priority"] as? String == "urgent")
        #expect(notice["channels"] as? String == "sms")
        #expect(notice["ack_required"] as? Bool == false)
    }

    @Test(arguments: [
        (["--to", "hamlet:Nowhere"], "Nowhere"),
        (["--to", "village:x"], "village:x"),
        (["--to", "all", "--at", "tomorrow-ish"], "--at"),
        (["--to", "all", "--expires", "2001-01-01 08:00"], "expire"),
        (["--to", "all", "--kind", "convocation"], "--meeting"),
        (["--to", "all", "--channels", "zalo>sms+x"], "--channels"),
        (["--to", "all", "--remind", "soon", "--expires", "2030-01-01 08:00"], "--remind"),
        (["--to", "phone:0399999999"], "0399999999"),
        (["--to", "phone:12345"], "12345"),
    ])
    func badNoticesAreRefusedAndStoreNothing(extra: [String], mentions: String) async throws {
        let cli = try await seeded()
        let result = try await cli.runner.run(["notice", "create", "--title", "T", "--body", "B"] + extra)
        #expect(result.status == 1, "\(extra): \(result.stderr)")
        #expect(result.stderr.contains(mentions), "\(extra): \(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(result.stdout.isEmpty)
        let notices = try #require(try await cli.json("notice", "list") as? [Any])
        #expect(notices.isEmpty)
    }

    @Test
    func usageErrorsExitTwo() async throws {
        let cli = try await seeded()
        #expect(try await cli.run("notice", "create", "--body", "B", "--to", "all").status == 2)
        #expect(try await cli.run("notice", "create", "--title", "T", "--body", "B", "--to", "all", "--kind", "party").status == 2)
        #expect(try await cli.run("notice", "frobnicate").status == 2)
        #expect(try await cli.run("notice", "show", "N-NOPE00").status == 1)
    }

    @Test
    func channelsAreCheckedAgainstTheConfiguration() async throws {
        let cli = try await seeded()
        try cli.runner.write("loa.toml", Data("""
            [[channels]]
            name = "sms"
            kind = "kannel"
            base_url = "http://127.0.0.1:13013"
            username = "loa"
            password = "secret-pass"
            """.utf8))
        let bad = try await cli.run("notice", "create", "--title", "T", "--body", "B", "--to", "all", "--channels", "zalo>sms")
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("no channel named 'zalo'"))
        let good = try #require(try await cli.json("notice", "create", "--title", "T", "--body", "B", "--to", "all") as? [String: Any])
        #expect(good["channels"] as? String == "sms", "without --channels the configured chain is used")
        try cli.runner.write("loa.toml", Data("[commune]\ntimezone = \"Asia/Atlantis\"\n".utf8))
        let config = try await cli.run("notice", "list")
        #expect(config.status == 1)
        #expect(config.stderr.contains("commune.timezone"))
        #expect(!config.stderr.contains("secret-pass"))
    }
}
