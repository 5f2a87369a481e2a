import Foundation
import LoaCore
import LoaHTTP
import LoaStore
import Testing

/// The staff dashboard over a real socket: sign-in cookie, CSRF, roles (SPEC §5).
@Suite("Dashboard", .serialized)
struct DashboardTests {
    /// Signs in with a fresh token of `role` as a browser does (sign-in page first, then its form
    /// with the page's CSRF value and this server's Origin) and returns the session cookie.
    static func signIn(_ server: ServerHarness, _ role: TokenRecord.Role, scopes: [AudienceSelector] = [], label: String) async throws -> String {
        let token = try await SessionClient.token(server, role, scopes: scopes, label: label)
        var client = try await SessionClient(server)
        let response = try await client.signIn(token)
        #expect(response.status == 303)
        let setCookie = try #require(response.headers.values(for: "Set-Cookie").first { $0.hasPrefix("loa_session=") })
        #expect(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Strict") && setCookie.contains("Path=/"))
        return String(try #require(setCookie.split(separator: ";").first))
    }

    static func csrf(in html: String) -> String? {
        guard let range = html.range(of: "name=\"csrf\" value=\"") else { return nil }
        return String(html[range.upperBound...].prefix { $0 != "\"" })
    }

    @Test
    func signingInShowsReachAndTheUnreadList() async throws {
        let server = try await ServerHarness.start()
        #expect(try await server.request(.get, "/notices/\(server.notice.id)").status == 303, "no session: to the sign-in page")
        #expect(try await server.request(.get, "/").status == 200, "no session at /: the public landing page")
        var browser = try await SessionClient(server)
        #expect(try await browser.signIn("loa_wrong").status == 401)
        let cookie = try await Self.signIn(server, .auditor, label: "kiem-tra")
        let token = try await server.token("Nguyễn Văn An")
        _ = try await server.request(.post, "/m/\(token)/ack")
        let list = String(decoding: try await server.request(.get, "/", headers: ["Cookie": cookie]).body, as: UTF8.self)
        #expect(list.contains(server.notice.id) && list.contains("25,0%"))
        #expect(!list.contains("Tạo thông báo mới"), "an auditor creates nothing")
        let page = String(decoding: try await server.request(.get, "/notices/\(server.notice.id)", headers: ["Cookie": cookie]).body, as: UTF8.self)
        #expect(page.contains("<svg") && page.contains("mục tiêu 80,0%") && page.contains("Diễn biến theo thời gian"))
        #expect(!page.contains("<script"))
        let unread = String(
            decoding: try await server.request(.get, "/notices/\(server.notice.id)/unread?hamlet=Th%C3%B4ng%20Nh%E1%BA%A5t", headers: ["Cookie": cookie]).body,
            as: UTF8.self)
        #expect(unread.contains("Trần Thị Bình") && !unread.contains("Nguyễn Văn An") && !unread.contains("Lê Văn Cường"))
        let english = String(decoding: try await server.request(.get, "/?lang=en", headers: ["Cookie": cookie]).body, as: UTF8.self)
        #expect(english.contains("Notices") && english.contains("Sign out"))
        let sheet = try await server.request(.get, "/notices/\(server.notice.id)/sheet?hamlet=%C4%90%E1%BB%93ng%20T%C3%A2m", headers: ["Cookie": cookie])
        #expect(String(decoding: sheet.body, as: UTF8.self).contains("Lê Văn Cường"))
        await server.stop()
    }

    @Test
    func formsNeedTheSessionsCSRFValueAndRolesHold() async throws {
        let server = try await ServerHarness.start()
        let sender = try await Self.signIn(server, .sender, scopes: [.group("Hội Nông dân")], label: "hoi-nong-dan")
        #expect(try await server.request(.get, "/notices/\(server.notice.id)", headers: ["Cookie": sender]).status == 404)
        let form = String(decoding: try await server.request(.get, "/notices/new", headers: ["Cookie": sender]).body, as: UTF8.self)
        let csrf = try #require(Self.csrf(in: form))
        let fields = "title=H%E1%BB%8Dp&body=M%E1%BB%9Di+h%E1%BB%8Dp&kind=notice&channels=zalo%3Esms"
        let headers: HTTPHeaders = ["Cookie": sender, "Content-Type": "application/x-www-form-urlencoded"]
        let forged = try await server.request(.post, "/notices", headers: headers, body: Array("\(fields)&to=group%3AH%E1%BB%99i+N%C3%B4ng+d%C3%A2n&action=create".utf8))
        #expect(forged.status == 403, "no CSRF value")
        let outside = try await server.request(.post, "/notices", headers: headers, body: Array("csrf=\(csrf)&\(fields)&to=all&action=create".utf8))
        #expect(String(decoding: outside.body, as: UTF8.self).contains("may send only to group:Hội Nông dân"))
        let preview = try await server.request(
            .post, "/notices", headers: headers, body: Array("csrf=\(csrf)&\(fields)&to=group%3Ahoi+nong+dan&action=preview".utf8))
        #expect(String(decoding: preview.body, as: UTF8.self).contains("tin nhắn SMS"))
        #expect(try await server.store.notices().count == 1, "refusals and previews store nothing")
        let created = try await server.request(
            .post, "/notices", headers: headers, body: Array("csrf=\(csrf)&\(fields)&to=group%3Ahoi+nong+dan&action=create".utf8))
        #expect(created.status == 303)
        #expect(try await server.store.notices().count == 2)
        let cancel = try await server.request(.post, "/notices/\(server.notice.id)/cancel", headers: headers, body: Array("csrf=\(csrf)".utf8))
        #expect(cancel.status == 404, "another sender's notice is not found")
        #expect(try await server.store.notice(id: server.notice.id)?.status == .active)
        await server.stop()
    }
}
