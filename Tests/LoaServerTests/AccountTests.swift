import Foundation
import LoaCore
import LoaHTTP
import LoaServer
import LoaStore
import Testing

/// Staff accounts over a real socket (issue 19): sign-in by phone and password, the same answer for
/// every wrong case, limits per account and per address, and who the audit log names.
@Suite("Staff accounts: sign-in", .serialized)
struct AccountTests {
    static let wrongAnswer = "Số điện thoại hoặc mật khẩu không đúng."

    /// Stores an account whose password is `password`; returns it.
    @discardableResult
    static func account(
        _ server: ServerHarness, phone: String, role: TokenRecord.Role, scopes: [AudienceSelector] = [], password: String = "mat-khau-thon-1",
        name: String = "Cán bộ"
    ) async throws -> AccountRecord {
        try await server.store.createAccount(
            AccountRecord(
                phone: try PhoneNumber(parsing: phone), name: name, passwordHash: try await Passwords.hash(password), role: role,
                scopes: scopes, createdAt: Date()),
            tokenHash: Passwords.unusableTokenHash(), actor: "test")
    }

    /// A browser signed in as the account of `phone`.
    static func signedIn(_ server: ServerHarness, phone: String, password: String = "mat-khau-thon-1") async throws -> SessionClient {
        var browser = try await SessionClient(server)
        let response = try await browser.post("/login", [("phone", phone), ("password", password)])
        #expect(response.status == 303, "\(phone): \(String(decoding: response.body, as: UTF8.self).prefix(300))")
        return browser
    }

    static func problem(_ response: HTTPResponse) -> String? {
        let html = String(decoding: response.body, as: UTF8.self)
        guard let start = html.range(of: "<p class=\"warn\">") else { return nil }
        return String(html[start.upperBound...].prefix { $0 != "<" })
    }

    @Test
    func aPersonSignsInWithAnyFormOfTheirPhone() async throws {
        let server = try await ServerHarness.start()
        try await Self.account(server, phone: "0912000111", role: .sender, scopes: [.hamlet("Thông Nhất")])
        let page = String(decoding: try await server.request(.get, "/login").body, as: UTF8.self)
        #expect(page.contains("name=\"phone\"") && page.contains("name=\"password\"") && page.contains("Gửi mã đăng nhập qua Zalo/SMS"))
        #expect(page.contains("name=\"token\""), "the API token field stays (SPEC §5)")
        for form in ["0912000111", "+84912000111", "0912 000 111", "84912000111"] {
            var browser = try await SessionClient(server)
            let response = try await browser.post("/login", [("phone", form), ("password", "mat-khau-thon-1"), ("next", "/account")])
            #expect(response.status == 303, "\(form)")
            #expect(response.headers["Location"] == "/account")
            let own = String(decoding: try await browser.get("/account").body, as: UTF8.self)
            #expect(own.contains("<a href=\"/account\" title=\"Tài khoản của tôi\">Cán bộ</a> <span class=\"muted\">(người gửi)</span>"), "the nav names the person")
        }
        let signIns = try await server.store.auditLog(limit: 10).filter { $0.action == "account.signin" }
        #expect(signIns.count == 4 && signIns.allSatisfy { $0.actor == "account:+84912000111" && $0.detail == "password" }, "\(signIns)")
        // The same form also posts a phone and password to /login/password.
        var other = try await SessionClient(server)
        #expect(try await other.post("/login/password", [("phone", "0912000111"), ("password", "mat-khau-thon-1")]).status == 303)
        await server.stop()
    }

    @Test
    func anUnknownPhoneAWrongPasswordAndADisabledAccountGetTheSameAnswer() async throws {
        let server = try await ServerHarness.start()
        let kept = try await Self.account(server, phone: "0912000222", role: .auditor)
        let gone = try await Self.account(server, phone: "0912000333", role: .auditor)
        let goneID = try #require(gone.id)
        _ = try await server.store.disableAccount(id: goneID, actor: "test", at: Date())
        var browser = try await SessionClient(server)
        for (phone, password, label) in [
            ("0912000222", "wrong-password", "wrong password"), ("0999000999", "mat-khau-thon-1", "unknown phone"),
            ("0912000333", "mat-khau-thon-1", "disabled account"), ("not a phone", "mat-khau-thon-1", "unreadable phone"),
        ] {
            let response = try await browser.post("/login", [("phone", phone), ("password", password)])
            #expect(response.status == 401, "\(label)")
            #expect(Self.problem(response) == Self.wrongAnswer, "\(label)")
            #expect(browser.cookies["loa_session"] == nil, "\(label)")
        }
        let keptID = try #require(kept.id)
        #expect(try await server.store.account(id: keptID)?.disabledAt == nil)
        await server.stop()
    }

    @Test
    func wrongPasswordsAreLimitedPerAccountAndTheRightOneWaitsToo() async throws {
        let server = try await ServerHarness.start()
        try await Self.account(server, phone: "0912000444", role: .admin)
        try await Self.account(server, phone: "0912000555", role: .admin)
        var guesser = try await SessionClient(server)
        for attempt in 1...5 {
            #expect(try await guesser.post("/login/password", [("phone", "0912000444"), ("password", "guess-\(attempt)xx")]).status == 401)
        }
        var owner = try await SessionClient(server)
        let limited = try await owner.post("/login/password", [("phone", "+84912000444"), ("password", "mat-khau-thon-1")])
        #expect(limited.status == 429, "the right password is not even checked while limited")
        #expect(Self.problem(limited)?.contains("Vui lòng thử lại sau 15 phút") == true, "\(Self.problem(limited) ?? "")")
        #expect(Int(limited.headers["Retry-After"] ?? "") ?? 0 > 800)
        #expect(owner.cookies["loa_session"] == nil)
        _ = try await Self.signedIn(server, phone: "0912000555")
        await server.stop()
    }

    @Test
    func failedSignInsAreLimitedPerAddress() async throws {
        let server = try await ServerHarness.start()
        try await Self.account(server, phone: "0912000666", role: .admin)
        var guesser = try await SessionClient(server)
        for index in 0..<20 {
            let phone = "09130001" + String(format: "%02d", index)
            #expect(try await guesser.post("/login/password", [("phone", phone), ("password", "guess-guess")]).status == 401)
        }
        var same = try await SessionClient(server)
        let refused = try await same.post("/login/password", [("phone", "0912000666"), ("password", "mat-khau-thon-1")])
        #expect(refused.status == 429, "twenty failures from one address, on twenty phones")
        #expect(try await same.get("/account").status == 303, "no session: back to sign-in")
        await server.stop()
    }

    @Test
    func aVolunteerSeesOnlyTheFollowUpLinkAndASendersNoticeIsItsOwn() async throws {
        let server = try await ServerHarness.start()
        try await Self.account(server, phone: "0912000777", role: .volunteer, scopes: [.hamlet("Đồng Tâm")])
        var volunteer = try await Self.signedIn(server, phone: "0912000777")
        let page = String(decoding: try await volunteer.get("/account").body, as: UTF8.self)
        let navStart = try #require(page.range(of: "<nav>")).lowerBound
        let nav = String(page[navStart...].prefix { $0 != "\n" })
        #expect(nav.contains("href=\"/follow-up\""))
        #expect(!nav.contains("href=\"/\"") && !nav.contains("/accounts") && !nav.contains("/residents") && !nav.contains("/audit"), "\(nav)")
        #expect(try await volunteer.get("/accounts").status == 403)
        #expect(try await volunteer.get("/notices/\(server.notice.id)").status == 404)

        let sender = try await Self.account(server, phone: "0912000888", role: .sender, scopes: [.group("Hội Nông dân")])
        var browser = try await Self.signedIn(server, phone: "0912000888")
        try await browser.get("/notices/new")
        let created = try await browser.post("/notices", [
            ("kind", "notice"), ("title", "Họp chi hội"), ("body", "Mời hội viên dự họp."), ("to", "group:Hội Nông dân"),
            ("channels", "zalo>sms"), ("action", "create"),
        ])
        #expect(created.status == 303)
        let notice = try #require(try await server.store.notices().first { $0.draft.title == "Họp chi hội" })
        #expect(notice.draft.createdByToken == sender.tokenID, "the account's token row owns it")
        #expect(notice.draft.createdBy == "account:+84912000888")
        #expect(try await browser.get("/notices/\(notice.id)").status == 200)
        #expect(try await browser.get("/notices/\(server.notice.id)").status == 404, "not another's")
        await server.stop()
    }

    @Test
    func aPersonChangesTheirOwnPasswordGivenTheCurrentOne() async throws {
        let server = try await ServerHarness.start()
        let account = try await Self.account(server, phone: "0912000999", role: .auditor)
        var browser = try await Self.signedIn(server, phone: "0912000999")
        try await browser.get("/account")
        let wrong = try await browser.post("/account/password", [("current", "not-it-at-all"), ("password", "mat-khau-moi-2"), ("again", "mat-khau-moi-2")])
        #expect(wrong.status == 400 && Self.problem(wrong) == "Mật khẩu hiện tại không đúng.")
        let phone = try await browser.post("/account/password", [("current", "mat-khau-thon-1"), ("password", "0912000999"), ("again", "0912000999")])
        #expect(phone.status == 400 && Self.problem(phone) == "Mật khẩu không được là số điện thoại.")
        let changed = try await browser.post("/account/password", [("current", "mat-khau-thon-1"), ("password", "mat-khau-moi-2"), ("again", "mat-khau-moi-2")])
        #expect(changed.status == 303)
        let id = try #require(account.id)
        let stored = try #require(try await server.store.account(id: id)?.passwordHash)
        #expect(try await Passwords.verify("mat-khau-moi-2", hash: stored))
        let entry = try #require(try await server.store.auditLog(limit: 1).first)
        #expect(entry.actor == "account:+84912000999" && entry.action == "account.password" && entry.detail == "set")
        _ = try await Self.signedIn(server, phone: "0912000999", password: "mat-khau-moi-2")
        await server.stop()
    }
}
