import Foundation
import LoaCore
import LoaHTTP
import LoaStore
import Testing

/// The door-to-door list (issue 19) through the real server: a volunteer sees only their hamlet's
/// residents not reached for open convocations, records in one tap, and cannot reach past their hamlet.
@Suite("Door-to-door follow-up page")
struct FollowUpTests {
    static let thongNhat: [AudienceSelector] = [.hamlet("Thông Nhất")]

    /// A browser signed in with a new token of `role`.
    static func signedIn(_ server: ServerHarness, _ role: TokenRecord.Role, scopes: [AudienceSelector] = [], label: String) async throws
        -> SessionClient
    {
        var browser = try await SessionClient(server)
        let token = try await SessionClient.token(server, role, scopes: scopes, label: label)
        #expect(try await browser.signIn(token).status == 303)
        return browser
    }

    @Test("A volunteer is sent to their hamlet's list, records in person, and the list shrinks")
    func volunteerRecordsInPerson() async throws {
        let server = try await ServerHarness.start()
        var browser = try await Self.signedIn(server, .volunteer, scopes: Self.thongNhat, label: "doi-so-thong-nhat")
        let home = try await browser.get("/")
        #expect(home.status == 303 && home.headers["Location"] == "/follow-up", "a volunteer's / is the follow-up list")

        let page = try await browser.get("/follow-up").bodyText
        #expect(page.contains("Theo dõi tận nhà – Thông Nhất"))
        #expect(page.contains(server.notice.draft.title) && page.contains("Nhà văn hóa thôn"))
        #expect(page.contains("Nguyễn Văn An") && page.contains("Trần Thị Bình"))
        #expect(!page.contains("Lê Văn Cường") && !page.contains("Phạm Thị Dung"), "only their own hamlet")
        #expect(page.contains("href=\"tel:+84912345678\""), "one tap to call")
        #expect(page.contains("còn 2 người") && page.contains("Nhà mạng đã nhận"))
        #expect(page.contains("Đã báo trực tiếp") && page.contains("Đã gọi điện báo"))
        #expect(page.contains("/follow-up/sheet?notice=\(server.notice.id)&amp;hamlet=Th%C3%B4ng%20Nh%E1%BA%A5t"))

        let posted = try await browser.post(
            "/follow-up/ack", [("notice", server.notice.id), ("phone", "+84912345678"), ("via", "in-person")])
        #expect(posted.status == 303)
        let location = posted.headers["Location"] ?? ""
        #expect(location.hasPrefix("/follow-up?hamlet=Th%C3%B4ng%20Nh%E1%BA%A5t") && location.hasSuffix("#n-\(server.notice.id)"))
        #expect(try await server.state("Nguyễn Văn An") == .acknowledged)
        let report = try await server.store.report(notice: server.notice.id, by: nil, reachTarget: 0.8)
        #expect(report.totals.acknowledged == 1 && report.totals.reached == 1)
        let events = try await server.store.events(message: try server.job("Nguyễn Văn An").messageID)
        #expect(events.contains { $0.detail == "in-person by token:doi-so-thong-nhat" }, "how and who are kept")
        let audit = try #require(try await server.store.auditLog(limit: 5).first)
        #expect(audit.action == "ack.manual" && audit.actor == "token:doi-so-thong-nhat")
        #expect(audit.subject == server.notice.id && audit.detail == "+84912345678 via in-person")

        let after = try await browser.get(location).bodyText
        #expect(!after.contains("Nguyễn Văn An") && after.contains("Trần Thị Bình") && after.contains("còn 1 người"))
        #expect(after.contains("Đã ghi nhận."))
        let sheet = try await browser.get("/follow-up/sheet?notice=\(server.notice.id)&hamlet=Th%C3%B4ng%20Nh%E1%BA%A5t")
        #expect(sheet.status == 200 && sheet.bodyText.contains("Trần Thị Bình") && !sheet.bodyText.contains("Nguyễn Văn An"))
        await server.stop()
    }

    @Test("A forged post for another hamlet's resident is refused and records nothing")
    func forgedPostIsRefused() async throws {
        let server = try await ServerHarness.start()
        var browser = try await Self.signedIn(server, .volunteer, scopes: Self.thongNhat, label: "doi-so")
        _ = try await browser.get("/follow-up")
        let audit = try await server.store.auditLog(limit: 100).count
        let forged = try await browser.post(
            "/follow-up/ack", [("notice", server.notice.id), ("phone", "0901234567"), ("via", "in-person"), ("hamlet", "Thông Nhất")])
        #expect(forged.status == 403)
        #expect(forged.bodyText.contains("chỉ được theo dõi người dân thuộc thôn của mình"))
        #expect(try await server.state("Lê Văn Cường") == .accepted)
        #expect(try await server.store.auditLog(limit: 100).count == audit, "nothing audited, nothing changed")
        #expect(try await browser.get("/follow-up?hamlet=%C4%90%E1%BB%93ng%20T%C3%A2m").status == 403)

        let badVia = try await browser.post("/follow-up/ack", [("notice", server.notice.id), ("phone", "0912345678"), ("via", "sms")])
        #expect(badVia.status == 400 && badVia.bodyText.contains("Cách báo tin không hợp lệ"))
        let badPhone = try await browser.post("/follow-up/ack", [("notice", server.notice.id), ("phone", "12ab"), ("via", "in-person")])
        #expect(badPhone.status == 400)
        #expect(try await server.state("Nguyễn Văn An") == .accepted)

        var auditor = try await Self.signedIn(server, .auditor, label: "kiem-tra")
        #expect(try await auditor.get("/follow-up").status == 403)
        await server.stop()
    }

    @Test("Cancelled, expired and future convocations are not listed and refuse acknowledgements")
    func onlyOpenConvocations() async throws {
        let server = try await ServerHarness.start()
        let now = Date()
        let store = server.store
        func convocation(_ title: String, sendAt: Date, expires: Date? = nil) async throws -> Notice {
            try await store.createNotice(
                NoticeDraft(
                    kind: .convocation, title: title, body: "Mời họp.", audience: [.all], channels: try ChannelPolicy(parsing: "sms"),
                    sendAt: sendAt, expiresAt: expires, meetingAt: sendAt.addingTimeInterval(7200), createdBy: "test"))
        }
        let cancelled = try await convocation("Họp đã hủy", sendAt: now.addingTimeInterval(-600))
        _ = try await store.cancelNotice(id: cancelled.id, actor: "test")
        let expired = try await convocation("Họp đã qua", sendAt: now.addingTimeInterval(-7200), expires: now.addingTimeInterval(-60))
        _ = try await convocation("Họp tuần sau", sendAt: now.addingTimeInterval(3600))
        _ = try await store.createNotice(
            NoticeDraft(
                kind: .notice, title: "Thông báo lịch tiêm chủng", body: "Kính báo bà con.", audience: [.all],
                channels: try ChannelPolicy(parsing: "sms"), sendAt: now.addingTimeInterval(-600), createdBy: "test"))

        var browser = try await Self.signedIn(server, .volunteer, scopes: Self.thongNhat, label: "doi-so")
        let page = try await browser.get("/follow-up").bodyText
        #expect(page.contains(server.notice.draft.title))
        for title in ["Họp đã hủy", "Họp đã qua", "Họp tuần sau", "Thông báo lịch tiêm chủng"] {
            #expect(!page.contains(title), "\(title) is not an open convocation")
        }
        for notice in [cancelled, expired] {
            let refused = try await browser.post("/follow-up/ack", [("notice", notice.id), ("phone", "0912345678"), ("via", "phone-call")])
            #expect(refused.status == 409 && refused.bodyText.contains("không còn mở"))
        }
        #expect(try await store.auditLog(limit: 100).allSatisfy { $0.action != "ack.manual" })
        await server.stop()
    }

    @Test("An admin chooses the hamlet and records a phone call; the page is cards, not a wide table")
    func adminChoosesHamlet() async throws {
        let server = try await ServerHarness.start()
        var browser = try await Self.signedIn(server, .admin, label: "van-phong")
        let chooser = try await browser.get("/follow-up").bodyText
        #expect(chooser.contains("<select name=\"hamlet\">") && chooser.contains("<option value=\"Đồng Tâm\">"))
        #expect(!chooser.contains("class=\"person\""), "nothing listed before a hamlet is chosen")

        let page = try await browser.get("/follow-up?hamlet=%C4%90%E1%BB%93ng%20T%C3%A2m").bodyText
        #expect(page.contains("Lê Văn Cường") && page.contains("Phạm Thị Dung") && !page.contains("Nguyễn Văn An"))
        #expect(page.contains("<option value=\"Đồng Tâm\" selected>"))
        #expect(page.contains("name=\"viewport\" content=\"width=device-width, initial-scale=1\""))
        #expect(!page.contains("<table"), "a phone at 360 px gets a list of cards, no table")
        #expect(page.components(separatedBy: "<li class=\"person\"").count - 1 == 2)
        #expect(page.components(separatedBy: "action=\"/follow-up/ack\"").count - 1 == 4, "two buttons per resident")
        #expect(page.contains(".acts button{width:100%;min-height:52px"), "big tap targets")
        #expect(!page.contains("<script"))

        let posted = try await browser.post("/follow-up/ack", [("notice", server.notice.id), ("phone", "0356789012"), ("via", "phone-call")])
        #expect(posted.status == 303)
        #expect(try await server.state("Phạm Thị Dung") == .acknowledged)
        #expect(try await server.store.auditLog(limit: 1).first?.detail == "+84356789012 via phone-call")
        let english = try await browser.get("/follow-up?hamlet=%C4%90%E1%BB%93ng%20T%C3%A2m&lang=en").bodyText
        #expect(english.contains("Informed in person") && english.contains("1 left") && !english.contains("Phạm Thị Dung"))
        await server.stop()
    }

    @Test("A hamlet head (a sender scoped to a hamlet) works their hamlet; a sender scoped to a group only may not")
    func hamletHead() async throws {
        let server = try await ServerHarness.start()
        var head = try await Self.signedIn(server, .sender, scopes: [.hamlet("Đồng Tâm"), .hamlet("Thông Nhất")], label: "truong-thon")
        let first = try await head.get("/follow-up").bodyText
        #expect(first.contains("Theo dõi tận nhà – Đồng Tâm") && first.contains("Lê Văn Cường"), "the first hamlet of the scope")
        let second = try await head.get("/follow-up?hamlet=th%C3%B4ng%20nh%E1%BA%A5t").bodyText
        #expect(second.contains("Nguyễn Văn An") && !second.contains("Lê Văn Cường"), "?hamlet= picks, case aside")
        let posted = try await head.post("/follow-up/ack", [("notice", server.notice.id.lowercased()), ("phone", "0901234567"), ("via", "in-person")])
        #expect(posted.status == 303)
        #expect(try await server.state("Lê Văn Cường") == .acknowledged)

        var group = try await Self.signedIn(server, .sender, scopes: [.group("Hội Nông dân")], label: "hoi-nong-dan")
        #expect(try await group.get("/follow-up").status == 403)
        _ = try await group.get("/")
        let refused = try await group.post("/follow-up/ack", [("notice", server.notice.id), ("phone", "0912345678"), ("via", "in-person")])
        #expect(refused.status == 403)
        #expect(try await server.state("Nguyễn Văn An") == .accepted)
        await server.stop()
    }
}
