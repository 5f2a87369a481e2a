import Foundation
import LoaCore
import LoaHTTP
import LoaStore
import Testing

/// The replies page (issue 19) through the real server: replies that came in through a real SMS
/// reply hook and acknowledged nothing are listed with their sender; staff attach or dismiss them.
@Suite("Replies page")
struct RepliesPageTests {
    private static let channels = """
        [[channels]]
        name = "speed"
        kind = "speedsms"
        access_token = "speedsms-token"
        free_text = true
        """

    /// A SpeedSMS incoming push from `phone` (international form without `+`) saying `content`.
    private static func reply(_ server: ServerHarness, from phone: String, _ content: String) async throws {
        let body = #"{"type":"inbound","phone":"\#(phone)","content":"\#(content)"}"#
        let response = try await server.request(
            .post, ServerHarness.hookPath("speed", "inbound"), headers: ["Content-Type": "application/json"], body: Array(body.utf8))
        #expect(response.status == 200, "\(response.bodyText)")
    }

    @Test("An unmatched reply is listed with its resident; attaching acknowledges and moves it to handled")
    func attachAcknowledges() async throws {
        let server = try await ServerHarness.start(extraChannels: Self.channels)
        try await Self.reply(server, from: "84987654321", "Mấy giờ họp vậy cán bộ?")
        try await Self.reply(server, from: "84399999999", "OK")
        try await Self.reply(server, from: "84356789012", "OK")
        #expect(try await server.state("Phạm Thị Dung") == .acknowledged, "a keyword reply acknowledges by itself")

        var browser = try await FollowUpTests.signedIn(server, .admin, label: "van-phong")
        let page = try await browser.get("/replies").bodyText
        #expect(page.contains("Mấy giờ họp vậy cán bộ?") && page.contains("Trần Thị Bình · Thôn Thông Nhất"))
        #expect(page.contains("Không có từ xác nhận"))
        #expect(page.contains("Người gửi không có trong danh sách cư dân") && page.contains("0399999999"))
        #expect(!page.contains("0356789012"), "a reply that acknowledged is not waiting")
        #expect(page.range(of: "0399999999")?.lowerBound ?? page.endIndex < page.range(of: "Mấy giờ họp")?.lowerBound ?? page.startIndex,
                "newest first")
        #expect(page.contains("<option value=\"\(server.notice.id)\">"), "the notices the resident was sent")
        let waiting = try await server.store.unhandledReplies(limit: 10)
        let question = try #require(waiting.first { $0.reply.sender == "+84987654321" }?.reply.id)

        let attached = try await browser.post("/replies/\(question)/attach", [("notice", server.notice.id)])
        #expect(attached.status == 303 && attached.headers["Location"] == "/replies?done=attached")
        #expect(try await server.state("Trần Thị Bình") == .acknowledged)
        let events = try await server.store.events(message: try server.job("Trần Thị Bình").messageID)
        #expect(events.contains { $0.detail == "reply by token:van-phong" })
        let audit = try #require(try await server.store.auditLog(limit: 1).first)
        #expect(audit.action == "reply.attach" && audit.actor == "token:van-phong" && audit.subject == server.notice.id)

        let after = try await browser.get("/replies?done=attached").bodyText
        #expect(after.contains("Đã gắn tin vào thông báo và ghi nhận xác nhận."))
        #expect(after.contains("Đã xử lý") && after.contains("Đã gắn vào \(server.notice.draft.title) (\(server.notice.id))"))
        #expect(after.contains("bởi token:van-phong"))
        #expect(!after.contains("action=\"/replies/\(question)/attach\""), "no longer waiting")
        let again = try await browser.post("/replies/\(question)/attach", [("notice", server.notice.id)])
        #expect(again.status == 409 && again.bodyText.contains("đã được xử lý trước đó"))
        await server.stop()
    }

    @Test("Dismiss keeps who and when; bad input changes nothing; only admins see the page")
    func dismissAndRefusals() async throws {
        let server = try await ServerHarness.start(extraChannels: Self.channels)
        try await Self.reply(server, from: "84399999999", "Quảng cáo vay vốn")
        try await Self.reply(server, from: "84987654321", "ai đấy")
        let waiting = try await server.store.unhandledReplies(limit: 10)
        let spam = try #require(waiting.first { $0.reply.sender == "+84399999999" }?.reply.id)
        let question = try #require(waiting.first { $0.reply.sender == "+84987654321" }?.reply.id)

        var browser = try await FollowUpTests.signedIn(server, .admin, label: "van-phong")
        _ = try await browser.get("/replies")
        let unknown = try await browser.post("/replies/\(spam)/attach", [("notice", server.notice.id)])
        #expect(unknown.status == 400 && unknown.bodyText.contains("Không có gì thay đổi"))
        let noNotice = try await browser.post("/replies/\(question)/attach", [("notice", "")])
        #expect(noNotice.status == 400)
        #expect(try await browser.post("/replies/abc/dismiss").status == 404)
        #expect(try await server.store.unhandledReplies(limit: 10).count == 2, "refusals change nothing")

        let dismissed = try await browser.post("/replies/\(spam)/dismiss")
        #expect(dismissed.status == 303)
        let page = try await browser.get("/replies").bodyText
        #expect(page.contains("Đã bỏ qua · bởi token:van-phong") && page.contains("Quảng cáo vay vốn"))
        let audit = try #require(try await server.store.auditLog(limit: 1).first)
        #expect(audit.action == "reply.dismiss" && audit.subject == "reply \(spam)")
        #expect(try await server.state("Trần Thị Bình") == .accepted)

        for (role, scopes) in [(TokenRecord.Role.sender, FollowUpTests.thongNhat), (.auditor, []), (.volunteer, FollowUpTests.thongNhat)] {
            var other = try await FollowUpTests.signedIn(server, role, scopes: scopes, label: "khong-\(role.rawValue)")
            #expect(try await other.get("/replies").status == 403, "\(role)")
            // A page of their own gives the session's CSRF value, so only the role is refused.
            #expect(try await other.get(role == .volunteer ? "/follow-up" : "/").status == 200)
            #expect(try await other.post("/replies/\(question)/dismiss").status == 403, "\(role)")
        }
        #expect(try await server.store.unhandledReplies(limit: 10).map(\.reply.id) == [question])
        await server.stop()
    }
}
