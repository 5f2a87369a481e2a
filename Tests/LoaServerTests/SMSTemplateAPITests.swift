import Foundation
import LoaHTTP
import Testing

/// `POST /api/notices` and the dashboard form on a channel that sends only its carrier-registered
/// templates (issue 17 §1).
@Suite("SMS templates over the API and the dashboard")
struct SMSTemplateAPITests {
    static let channel = """
        [[channels]]
        name = "cskh"
        kind = "speedsms"
        access_token = "speed-token-7c1e"
        sms_type = "3"
        sender = "UBNDHAILANG"
        [[channels.templates]]
        name = "hop"
        text = "UBND {commune} moi ong/ba {name:30} du {title:40} luc {meeting_at} tai {place:40}. Xac nhan: {link}"
        """

    static func notice(_ extra: [String: Any] = [:]) -> [UInt8] {
        let base: [String: Any] = [
            "kind": "convocation", "title": "Họp thôn", "body": "Kính mời bà con dự họp.", "to": ["all"],
            "channels": "cskh", "expires": "2030-01-12 08:00",
        ]
        return Array((try? JSONSerialization.data(withJSONObject: base.merging(extra) { $1 })) ?? Data())
    }

    @Test
    func aNoticeNoTemplateFitsIsRefusedWithAJSONErrorAndNothingStored() async throws {
        let server = try await ServerHarness.start(extraChannels: Self.channel)
        let admin = try await server.bearer(.admin, label: "office")
        let before = try await server.store.notices().count
        let refused = try await server.request(.post, "/api/notices", headers: admin, body: Self.notice())
        #expect(refused.status == 400)
        let error = try #require(
            (try JSONSerialization.jsonObject(with: Data(refused.body)) as? [String: Any])?["error"] as? String)
        #expect(error.hasPrefix("channel cskh sends only its registered templates and none fits this notice"), "\(error)")
        #expect(error.contains("'hop': {meeting_at} has no value (give meeting)"), "\(error)")
        let tooLong = try await server.request(
            .post, "/api/notices", headers: admin,
            body: Self.notice(["meeting": "2030-01-12 08:00", "place": String(repeating: "Nhà văn hóa ", count: 4)]))
        #expect(tooLong.status == 400)
        #expect(String(decoding: tooLong.body, as: UTF8.self).contains("{place:40} gets 48 characters, over its limit of 40 (shorten place)"))
        #expect(try await server.store.notices().count == before)
        await server.stop()
    }

    @Test
    func aNoticeATemplateFitsIsCreated() async throws {
        let server = try await ServerHarness.start(extraChannels: Self.channel)
        let admin = try await server.bearer(.admin, label: "office")
        let created = try await server.request(
            .post, "/api/notices", headers: admin, body: Self.notice(["meeting": "2030-01-12 08:00", "place": "Nhà văn hóa thôn"]))
        #expect(created.status == 201, "\(String(decoding: created.body, as: UTF8.self))")
        await server.stop()
    }

    @Test
    func theDashboardFormShowsTheRefusalAndPreviewsTheTemplate() async throws {
        let server = try await ServerHarness.start(extraChannels: Self.channel)
        var browser = try await SessionClient(server)
        _ = try await browser.signIn(try await SessionClient.token(server, .admin, label: "office"))
        try await browser.get("/notices/new")
        let fields = [
            ("kind", "convocation"), ("title", "Họp thôn"), ("body", "Kính mời bà con dự họp."), ("to", "all"),
            ("channels", "cskh"), ("meeting", "2030-01-12 08:00"),
        ]
        let refused = String(decoding: try await browser.post("/notices", fields + [("action", "create")]).body, as: UTF8.self)
        #expect(refused.contains("channel cskh sends only its registered templates"), "\(refused.prefix(400))")
        #expect(refused.contains("{place:40} has no value (give place)"))
        let preview = String(
            decoding: try await browser.post("/notices", fields + [("place", "Nhà văn hóa thôn"), ("action", "preview")]).body,
            as: UTF8.self)
        // The page escapes the template's quotes.
        #expect(preview.contains("cskh: Mẫu tin đăng ký &#39;hop&#39;, 2 tin nhắn SMS"), "\(preview)")
        // {name:30}: the stand-in resident as long as the slot, cut before a space.
        #expect(preview.contains("moi ong/ba Nguyen Thi Phuong Thao NguyenX du Hop thon luc 08:00 12/01/2030 tai Nha van hoa thon."))
        #expect(try await server.store.notices().count == 1, "refusals and previews store nothing")
        await server.stop()
    }
}
