import Foundation
import Testing

/// `loa notice create` on a channel that only sends carrier-registered templates (issue 17 §1):
/// the real binary chooses a template, refuses a notice none fits, and previews the exact text.
@Suite("SMS templates on the command line")
struct SMSTemplateCLITests {
    static let config = """
        [commune]
        name = "Xã Hải Lạng"
        [server]
        public_url = "https://loa.example.gov.vn"
        [[channels]]
        name = "sms"
        kind = "esms"
        api_key = "k-1234"
        secret_key = "s-1234"
        brandname = "UBNDHAILANG"
        fold_diacritics = "auto"
        price_per_segment = 800
        [[channels.templates]]
        name = "hop"
        text = "UBND {commune} moi ong/ba {name:25} du {title:40} luc {meeting_at} tai {place:40}. Xac nhan: {link}"
        [[channels.templates]]
        name = "thong-bao"
        text = "UBND {commune} thong bao: {title:40}. Chi tiet: {link}"

        [[channels]]
        name = "own"
        kind = "kannel"
        base_url = "http://127.0.0.1:13013"
        username = "loa"
        password = "p-1234"
        """

    func cli() async throws -> CLI {
        let cli = try CLI()
        _ = try await cli.ok("residents", "import", try cli.fixture("messy-excel.csv"))
        try cli.runner.write("loa.toml", Data(Self.config.utf8))
        return cli
    }

    @Test
    func previewShowsTheTemplateAndTheExactFoldedText() async throws {
        let cli = try await cli()
        let preview = try #require(try await cli.json(
            "notice", "create", "--kind", "convocation", "--title", "Họp thôn", "--body", "Kính mời bà con dự họp.",
            "--to", "all", "--meeting", "2030-01-12 08:00", "--place", "Nhà văn hóa thôn Đông", "--channels", "sms",
            "--preview") as? [String: Any])
        let channels = try #require(preview["channels"] as? [[String: Any]])
        let sms = try #require(channels.first { $0["name"] as? String == "sms" })
        #expect(sms["template"] as? String == "hop")
        #expect(sms["refusal"] is NSNull)
        // The registered words stay as written; the values fold because that saves parts (auto).
        // {name:25} shows the stand-in resident cut to the slot's 25 characters.
        let stand = "Nguyen Thi Phuong Thao Ng"
        #expect(sms["text"] as? String
            == "UBND Xa Hai Lang moi ong/ba \(stand) du Hop thon luc 08:00 12/01/2030 tai Nha van hoa thon Dong. "
                + "Xac nhan: https://loa.example.gov.vn/m/" + String(repeating: "x", count: 32))
        #expect(sms["sends"] as? String == "folded" && sms["segments"] as? Int == 2)
        let own = try #require(channels.first { $0["name"] as? String == "own" })
        #expect(own["template"] is NSNull && (own["text"] as? String)?.hasPrefix("Hop thon: Kinh moi") == true)
    }

    @Test
    func aNoticeWithoutPlaceTakesTheNextTemplate() async throws {
        let cli = try await cli()
        let text = try await cli.ok(
            "notice", "create", "--title", "Cắt điện", "--body", "Cắt điện thôn Đông từ 8 giờ.", "--to", "all",
            "--channels", "sms", "--preview")
        #expect(text.contains("template 'thong-bao'"))
        #expect(text.contains("UBND Xa Hai Lang thong bao: Cat dien. Chi tiet: https://loa.example.gov.vn/m/"))
    }

    @Test
    func aTitleLongerThanEverySlotIsRefusedNamingChannelAndSlots() async throws {
        let cli = try await cli()
        let result = try await cli.run(
            "notice", "create", "--title", "Thông báo lịch tiêm phòng vắc xin dại cho chó mèo năm 2030",
            "--body", "Bà con mang theo sổ.", "--to", "all", "--channels", "sms")
        #expect(result.status == 1)
        let line = result.stderr.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(line.contains("channel sms sends only its registered templates and none fits this notice"), "\(line)")
        #expect(line.contains("'hop': {title:40} gets 58 characters, over its limit of 40 (shorten --title)"), "\(line)")
        #expect(line.contains("'thong-bao': {title:40} gets 58 characters, over its limit of 40 (shorten --title)"), "\(line)")
        #expect(!line.contains("\n"))
        let notices = try #require(try await cli.json("notice", "list") as? [Any])
        #expect(notices.isEmpty)
    }

    @Test
    func aFittingNoticeIsCreatedAndAFreeTextChannelNeedsNoTemplate() async throws {
        let cli = try await cli()
        let id = try await cli.ok(
            "notice", "create", "--title", "Cắt điện", "--body", "Cắt điện thôn Đông từ 8 giờ.", "--to", "all",
            "--channels", "sms>own")
        #expect(id.hasPrefix("N-"))
        let long = try await cli.run(
            "notice", "create", "--title", String(repeating: "Thông báo ", count: 6), "--body", "x", "--to", "all",
            "--channels", "own")
        #expect(long.status == 0, "\(long.stderr)")
    }

    @Test
    func aTemplateOnlyChannelWithoutTemplatesIsRefusedAtLoad() async throws {
        let cli = try CLI()
        try cli.runner.write("loa.toml", Data("""
            [[channels]]
            name = "sms"
            kind = "speedsms"
            access_token = "t-1234"
            """.utf8))
        let result = try await cli.run("notice", "create", "--title", "Họp", "--body", "x", "--to", "all", "--preview")
        #expect(result.status == 1)
        #expect(result.stderr.contains("channel 'sms' (speedsms) sends only carrier-registered texts: add a [[channels.templates]]"))
        #expect(result.stderr.contains("or set free_text = true"))
    }
}
