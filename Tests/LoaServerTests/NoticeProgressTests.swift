import Foundation
import LoaChannels
import LoaCore
import LoaHTTP
import LoaStore
import Testing

/// The notice page while it sends: counts by state and a self-refresh without scripts, which stop
/// once nothing is pending (issue 19, "Replies, channels, progress").
@Suite("Notice page progress", .serialized)
struct NoticeProgressTests {
    static let refresh = "<meta http-equiv=\"refresh\" content=\"5\">"

    static func page(_ server: ServerHarness, _ id: String, _ cookie: String, english: Bool = false) async throws -> String {
        let response = try await server.request(.get, "/notices/\(id)\(english ? "?lang=en" : "")", headers: ["Cookie": cookie])
        #expect(response.status == 200)
        return String(decoding: response.body, as: UTF8.self)
    }

    @Test
    func queuedMessagesWithoutASenderRefreshUntilTheyEnd() async throws {
        let server = try await ServerHarness.start()
        let cookie = try await DashboardTests.signIn(server, .admin, label: "tien-do")
        let notice = try await server.store.createNotice(
            NoticeDraft(
                kind: .notice, title: "Lịch tiêm phòng cho trâu bò", body: "Mời bà con đưa trâu bò đi tiêm.",
                audience: [.hamlet("Thông Nhất")], channels: try ChannelPolicy(parsing: "sms"), sendAt: Date().addingTimeInterval(-5),
                createdBy: "test"))
        let messages = try await server.store.messages(notice: notice.id)
        #expect(messages.count == 2 && messages.allSatisfy { $0.state == .queued }, "no loa run: they stay queued")

        let sending = try await Self.page(server, notice.id, cookie)
        #expect(sending.contains(Self.refresh))
        #expect(sending.contains("Tiến độ gửi") && sending.contains("<progress max=\"2\" value=\"0\">"))
        #expect(sending.contains("<tr><td>Đang chờ</td><td class=\"n\">2</td></tr>"))
        for word in ["Đang gửi", "Tổng đài đã nhận", "Đã nhận", "Đã mở", "Đã xác nhận", "Thất bại", "Hết hạn", "Đã hủy"] {
            #expect(sending.contains("<tr><td>\(word)</td><td class=\"n\">0</td></tr>"), "\(word)")
        }
        let clock = try #require(sending.range(of: "cập nhật lúc "))
        let time = String(sending[clock.upperBound...].prefix(8))
        #expect(time.count == 8 && time.filter { $0 == ":" }.count == 2 && time.replacingOccurrences(of: ":", with: "").allSatisfy(\.isNumber), "\(time)")
        #expect(!sending.contains("<script"))
        let english = try await Self.page(server, notice.id, cookie, english: true)
        #expect(english.contains("Sending progress") && english.contains("<tr><td>Queued</td><td class=\"n\">2</td></tr>"))

        // One gateway answer ends in failure, the other is taken and delivered: nothing pending.
        #expect(try await server.store.advance(message: messages[0].id, to: .failed, at: Date(), error: "no route"))
        #expect(try await server.store.advance(message: messages[1].id, to: .delivered, at: Date(), error: nil))
        let done = try await Self.page(server, notice.id, cookie)
        #expect(!done.contains(Self.refresh) && !done.contains("<progress") && !done.contains("Tiến độ gửi"))
        #expect(done.contains("mục tiêu 80,0%") && done.contains("Theo thôn"), "the reach report as before")
        await server.stop()
    }

    @Test
    func acceptedMessagesAwaitReceiptsWithinTheWindowAndACancelledNoticeStops() async throws {
        let server = try await ServerHarness.start()
        let cookie = try await DashboardTests.signIn(server, .admin, label: "tien-do-2")
        // The harness's convocation: every message taken by the gateway, the meeting tomorrow.
        let waiting = try await Self.page(server, server.notice.id, cookie)
        #expect(waiting.contains(Self.refresh) && waiting.contains("<tr><td>Tổng đài đã nhận</td><td class=\"n\">"))
        #expect(!waiting.contains("<tr><td>Tổng đài đã nhận</td><td class=\"n\">0</td></tr>"))

        let later = try await server.store.createNotice(
            NoticeDraft(
                kind: .notice, title: "Thông báo gửi ngày mai", body: "Nội dung.", audience: [.all],
                channels: try ChannelPolicy(parsing: "sms"), sendAt: Date().addingTimeInterval(86_400), createdBy: "test"))
        let scheduled = try await Self.page(server, later.id, cookie)
        #expect(!scheduled.contains(Self.refresh), "before its send time nothing moves")

        _ = try await server.store.cancelNotice(id: server.notice.id, actor: "test")
        let cancelled = try await Self.page(server, server.notice.id, cookie)
        #expect(!cancelled.contains(Self.refresh) && !cancelled.contains("<progress"))
        await server.stop()
    }
}
