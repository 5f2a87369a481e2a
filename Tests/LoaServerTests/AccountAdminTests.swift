import Foundation
import LoaCore
import LoaHTTP
import LoaServer
import LoaStore
import Testing

/// The accounts pages (issue 19): an admin creates, edits, resets and disables accounts; bad input
/// changes nothing; a disabled person's open session ends on its very next request.
@Suite("Staff accounts: admin pages", .serialized)
struct AccountAdminTests {
    @Test
    func anAdminCreatesEditsAndDisablesAnAccount() async throws {
        let server = try await ServerHarness.start()
        try await AccountTests.account(server, phone: "0912111000", role: .admin, name: "Chủ tịch xã")
        var admin = try await AccountTests.signedIn(server, phone: "0912111000")
        #expect(try await admin.get("/accounts/new").status == 200)
        let bad = try await admin.post("/accounts", [
            ("name", "Trưởng thôn"), ("phone", "0912111222"), ("role", "sender"), ("scope_001", "hamlet:Không Có"), ("password", "mat-khau-thon-1"),
        ])
        #expect(bad.status == 400 && AccountTests.problem(bad) == "Phạm vi chỉ được chọn trong các thôn và nhóm đã có.")
        let short = try await admin.post("/accounts", [("name", "Trưởng thôn"), ("phone", "0912111222"), ("role", "sender"),
            ("scope_001", "hamlet:Thông Nhất"), ("password", "ngan")])
        #expect(short.status == 400 && AccountTests.problem(short) == "Mật khẩu cần ít nhất 8 ký tự.")
        #expect(try await server.store.accounts().count == 1, "refusals store nothing")

        let created = try await admin.post("/accounts", [
            ("name", "Trưởng thôn Thông Nhất"), ("phone", "0912 111 222"), ("role", "sender"), ("scope_001", "hamlet:Thông Nhất"),
            ("password", "mat-khau-thon-1"),
        ])
        #expect(created.status == 303)
        let account = try #require(try await server.store.account(phone: try PhoneNumber(parsing: "0912111222")))
        #expect(account.role == .sender && account.scopes == [.hamlet("Thông Nhất")] && account.name == "Trưởng thôn Thông Nhất")
        let taken = try await admin.post("/accounts", [("name", "Ai đó"), ("phone", "+84912111222"), ("role", "auditor"), ("password", "mat-khau-khac-1")])
        #expect(taken.status == 400 && AccountTests.problem(taken) == "Số điện thoại này đã có tài khoản.")
        let list = String(decoding: try await admin.get("/accounts").body, as: UTF8.self)
        #expect(list.contains("Trưởng thôn Thông Nhất") && list.contains("0912111222") && list.contains("hamlet:Thông Nhất"))

        let generated = try await admin.post("/accounts", [("name", "Kiểm tra viên"), ("phone", "0912111333"), ("role", "auditor")])
        #expect(generated.status == 200 && generated.headers["Cache-Control"] == "no-store")
        let html = String(decoding: generated.body, as: UTF8.self)
        let marker = try #require(html.range(of: "<p class=\"secret\">"))
        let password = String(html[marker.upperBound...].prefix { $0 != "<" })
        #expect(password.count == 12)
        _ = try await AccountTests.signedIn(server, phone: "0912111333", password: password)

        var person = try await AccountTests.signedIn(server, phone: "0912111222")
        #expect(try await person.get("/notices/new").status == 200)
        let id = try #require(account.id)
        try await admin.get("/accounts/\(id)")
        let edited = try await admin.post("/accounts/\(id)", [("name", "Tình nguyện viên"), ("role", "volunteer"), ("scope_001", "hamlet:Đồng Tâm")])
        #expect(edited.status == 303)
        let after = try #require(try await server.store.account(id: id))
        #expect(after.role == .volunteer && after.scopes == [.hamlet("Đồng Tâm")])

        let reset = try await admin.post("/accounts/\(id)/password", [("password", "mat-khau-moi-3")])
        #expect(reset.status == 303)
        let disabled = try await admin.post("/accounts/\(id)/disable")
        #expect(disabled.status == 303)
        let next = try await person.get("/account")
        #expect(next.status == 303 && next.headers["Location"]?.hasPrefix("/login") == true, "the open session ended at once")
        var again = try await SessionClient(server)
        let refused = try await again.post("/login", [("phone", "0912111222"), ("password", "mat-khau-moi-3")])
        #expect(refused.status == 401 && AccountTests.problem(refused) == AccountTests.wrongAnswer)

        let me = try #require(try await server.store.account(phone: try PhoneNumber(parsing: "0912111000")))
        let selfDisable = try await admin.post("/accounts/\(try #require(me.id))/disable")
        #expect(selfDisable.status == 400 && AccountTests.problem(selfDisable) == "Bạn không thể tự khóa hay bỏ quyền quản trị của chính mình.")
        #expect(try await server.store.account(id: try #require(me.id))?.disabledAt == nil)
        #expect(try await admin.post("/accounts/\(id)/enable").status == 303)
        _ = try await AccountTests.signedIn(server, phone: "0912111222", password: "mat-khau-moi-3")

        let audit = try await server.store.auditLog(limit: 20).filter { $0.subject == "+84912111222" && $0.action != "account.signin" }
        #expect(audit.map(\.action) == ["account.enable", "account.disable", "account.password", "account.update", "account.create"])
        #expect(audit.allSatisfy { $0.actor == "account:+84912111000" }, "\(audit.map(\.actor))")
        #expect(audit.allSatisfy { $0.detail?.contains("mat-khau") != true && $0.detail?.contains("$2") != true })
        await server.stop()
    }

    @Test
    func onlyAdminsSeeTheAccountsPages() async throws {
        let server = try await ServerHarness.start()
        try await AccountTests.account(server, phone: "0912111444", role: .sender, scopes: [.hamlet("Thông Nhất")])
        let other = try await AccountTests.account(server, phone: "0912111555", role: .auditor)
        var sender = try await AccountTests.signedIn(server, phone: "0912111444")
        #expect(try await sender.get("/accounts").status == 403)
        try await sender.get("/account")
        let id = try #require(other.id)
        #expect(try await sender.post("/accounts/\(id)/disable").status == 403)
        #expect(try await server.store.account(id: id)?.disabledAt == nil)
        await server.stop()
    }
}
