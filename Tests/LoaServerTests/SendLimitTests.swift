import Foundation
import LoaCore
import LoaHTTP
import LoaStore
import Testing

/// Caps on what a token may ask for: the resident registry is the admins', `urgent` is the admins',
/// reminders and SMS parts are bounded, and a sender's token has a daily message budget
/// (`[limits]`). Every refusal changes nothing.
@Suite("Send limits and the registry", .serialized)
struct SendLimitTests {
    static func body(_ fields: [String: Any] = [:]) -> [UInt8] {
        var notice: [String: Any] = [
            "kind": "notice", "title": "Họp chi hội", "body": "Mời hội viên dự họp.", "to": ["hamlet:Thông Nhất"], "channels": "zalo>sms",
        ]
        notice.merge(fields) { $1 }
        return RoleTests.json(notice)
    }

    static func text(_ response: HTTPResponse) -> String { String(decoding: response.body, as: UTF8.self) }

    @Test
    func onlyAnAdminReadsOrImportsTheRegistry() async throws {
        let server = try await ServerHarness.start()
        let before = try await server.store.residents(hamlet: nil, group: nil).count
        for role in [TokenRecord.Role.auditor, .sender] {
            let bearer = try await server.bearer(role, scopes: role == .sender ? [.hamlet("Thông Nhất")] : [], label: "registry-\(role)")
            let list = try await server.request(.get, "/api/residents", headers: bearer)
            #expect(list.status == 403 && Self.text(list).contains("only an admin"), "\(role): \(Self.text(list))")
            #expect(!Self.text(list).contains("0912345678"))
            let imported = try await server.request(
                .post, "/api/residents/import", headers: bearer, body: Array("name,phone\nKẻ Lạ,0911111111\n".utf8))
            #expect(imported.status == 403, "\(role)")
        }
        #expect(try await server.store.residents(hamlet: nil, group: nil).count == before)
        let admin = try await server.bearer(.admin, label: "registry-admin")
        #expect(try await server.request(.get, "/api/residents", headers: admin).status == 200)
        await server.stop()
    }

    @Test
    func urgentRemindersAndLengthAreCapped() async throws {
        let server = try await ServerHarness.start()
        let sender = try await server.bearer(.sender, scopes: [.hamlet("Thông Nhất")], label: "caps-sender")
        let admin = try await server.bearer(.admin, label: "caps-admin")
        let meeting: [String: Any] = ["kind": "convocation", "meeting": "2031-01-10 08:00"]

        let urgent = try await server.request(.post, "/api/notices", headers: sender, body: Self.body(["priority": "urgent"]))
        #expect(urgent.status == 403 && Self.text(urgent).contains("only an admin may send urgent"), "\(Self.text(urgent))")
        let eleven = (1...11).map { "\($0)h" }
        let reminders = try await server.request(.post, "/api/notices", headers: admin, body: Self.body(meeting.merging(["remind": eleven]) { $1 }))
        #expect(reminders.status == 400 && Self.text(reminders).contains("at most 10 reminders"), "\(Self.text(reminders))")
        let long = String(repeating: "Kính mời bà con dự họp bàn kế hoạch. ", count: 60)
        let tooLong = try await server.request(.post, "/api/notices", headers: admin, body: Self.body(["body": long]))
        #expect(tooLong.status == 400 && Self.text(tooLong).contains("at most 10 are allowed"), "\(tooLong.status) \(Self.text(tooLong))")
        #expect(try await server.store.notices().count == 1, "refusals store nothing")

        let ten = try await server.request(
            .post, "/api/notices", headers: admin, body: Self.body(meeting.merging(["remind": Array(eleven.prefix(10)), "priority": "urgent"]) { $1 }))
        #expect(ten.status == 201, "\(Self.text(ten))")
        #expect(try await server.request(.post, "/api/notices", headers: sender, body: Self.body()).status == 201)
        await server.stop()
    }

    @Test
    func aSendersDailyBudgetHolds() async throws {
        let server = try await ServerHarness.start(extraChannels: "[limits]\nsender_daily_messages = 5\n")
        let sender = try await server.bearer(.sender, scopes: [.hamlet("Thông Nhất")], label: "budget-sender")
        let admin = try await server.bearer(.admin, label: "budget-admin")
        for _ in 0..<2 {
            #expect(try await server.request(.post, "/api/notices", headers: sender, body: Self.body()).status == 201, "2 residents each")
        }
        let over = try await server.request(.post, "/api/notices", headers: sender, body: Self.body())
        #expect(over.status == 403, "\(Self.text(over))")
        #expect(Self.text(over).contains("at most 5 messages a day") && Self.text(over).contains("sender_daily_messages"))
        #expect(try await server.store.notices().count == 3, "the refused notice queued nothing")
        let all = RoleTests.json(["title": "Toàn xã", "body": "Mời họp.", "to": ["all"], "channels": "zalo>sms"])
        #expect(try await server.request(.post, "/api/notices", headers: admin, body: all).status == 201, "admins have no budget")
        let other = try await server.bearer(.sender, scopes: [.hamlet("Thông Nhất")], label: "budget-other")
        #expect(try await server.request(.post, "/api/notices", headers: other, body: Self.body()).status == 201, "budgets are per token")
        await server.stop()
    }
}
