import Foundation
import Testing

/// `loa notice create --preview` (issue 4 item 4): texts, segments and costs, nothing stored.
@Suite("loa notice create --preview")
struct NoticePreviewCLITests {
    static let config = """
        [[channels]]
        name = "sms"
        kind = "esms"
        api_key = "k-1234"
        secret_key = "s-1234"
        brandname = "UBND XA"
        free_text = true
        fold_diacritics = "never"
        price_per_segment = 500

        [[channels]]
        name = "speed"
        kind = "speedsms"
        access_token = "t-1234"
        free_text = true
        fold_diacritics = "auto"
        """
    static let body = "Trạm y tế xã tiêm vắc xin dại cho chó mèo từ 7 giờ sáng thứ Bảy 05/12 tại sân nhà văn hóa "
        + "thôn Đông. Bà con mang theo sổ."

    @Test
    func jsonShowsBothTextsSegmentsAndCostsAndStoresNothing() async throws {
        let cli = try CLI()
        _ = try await cli.ok("residents", "import", try cli.fixture("messy-excel.csv"))
        try cli.runner.write("loa.toml", Data(Self.config.utf8))
        let preview = try #require(try await cli.json(
            "notice", "create", "--title", "Thông báo tiêm phòng", "--body", Self.body, "--to", "all", "--preview")
            as? [String: Any])
        let accented = try #require(preview["accented"] as? [String: Any])
        let folded = try #require(preview["folded"] as? [String: Any])
        // 200 characters with the 32-character link token: 3 UCS-2 parts, or 2 GSM-7 parts folded
        // (counted independently of Loa's code when the test was written).
        #expect(accented["segments"] as? Int == 3 && accented["encoding"] as? String == "ucs2")
        #expect(folded["segments"] as? Int == 2 && folded["encoding"] as? String == "gsm7")
        #expect((accented["text"] as? String)?.hasPrefix("Thông báo tiêm phòng: Trạm y tế") == true)
        #expect((folded["text"] as? String)?.hasPrefix("Thong bao tiem phong: Tram y te") == true)
        let targeted = try #require(preview["targeted"] as? Int)
        let reachable = try #require(preview["reachable"] as? Int)
        #expect(targeted == 6 && reachable == targeted - (preview["unreachable"] as? Int ?? -1))
        let channels = try #require(preview["channels"] as? [[String: Any]])
        #expect(channels.map { $0["name"] as? String } == ["sms", "speed"])
        let perResident = try #require(channels[0]["per_resident"] as? [String: Int])
        #expect(perResident == ["accented": 1500, "folded": 1000, "difference": 500])
        let audience = try #require(channels[0]["audience"] as? [String: Int])
        #expect(audience["difference"] == 500 * reachable)
        #expect(channels[0]["sends"] as? String == "accented" && channels[1]["sends"] as? String == "folded")
        #expect(channels[1]["per_resident"] is NSNull, "no price_per_segment, no cost: the key stays, null (SPEC §3)")
        let notices = try #require(try await cli.json("notice", "list") as? [Any])
        #expect(notices.isEmpty)
    }

    @Test
    func textPrintsBothVersions() async throws {
        let cli = try CLI()
        _ = try await cli.ok("residents", "import", try cli.fixture("messy-excel.csv"))
        try cli.runner.write("loa.toml", Data(Self.config.utf8))
        let text = try await cli.ok(
            "notice", "create", "--title", "Họp thôn", "--body", "19:30 tại nhà văn hóa.", "--to", "hamlet:thong nhat",
            "--preview")
        #expect(text.contains("Preview only") && text.contains("Họp thôn: 19:30") && text.contains("Hop thon: 19:30"))
        #expect(text.contains("sms") && text.contains("speed"))
        let list = try await cli.ok("notice", "list")
        #expect(!list.contains("Họp thôn"))
    }
}
