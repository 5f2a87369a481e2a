import Foundation
import LoaCore
import LoaHTTP
import LoaStore
import Testing

/// The audit log page: admins filter it by who and by action and read it page by page.
@Suite("Audit log page", .serialized)
struct AuditPageTests {
    static func rows(_ html: String) -> Int {
        html.components(separatedBy: "<tr><td class=\"when\">").count - 1
    }

    @Test
    func adminsFilterByActorAndActionAndPage() async throws {
        let server = try await ServerHarness.start()
        for index in 0..<55 {
            _ = try await server.store.createToken(
                TokenRecord(
                    hash: String(format: "%064x", 1_000 + index), role: .auditor, scopes: [], label: "may-\(index)", createdAt: Date()),
                actor: "Văn thư Hòa")
        }
        let sender = try await DashboardTests.signIn(server, .sender, scopes: [.hamlet("Thông Nhất")], label: "truong-thon")
        let refused = try await server.request(.get, "/audit", headers: ["Cookie": sender])
        let refusal = String(decoding: refused.body, as: UTF8.self)
        #expect(refused.status == 403, "admins only")
        #expect(refusal.contains("không được phép") && refusal.contains("action=\"/logout\"") && !refusal.contains("token.create"),
            "the refusal page keeps the navigation and shows no entry")
        let cookie = try await DashboardTests.signIn(server, .admin, label: "quan-tri")

        let first = String(decoding: try await server.request(.get, "/audit", headers: ["Cookie": cookie]).body, as: UTF8.self)
        #expect(Self.rows(first) == 50, "50 entries a page")
        #expect(first.contains("<option value=\"Văn thư Hòa\">Văn thư Hòa</option>") && first.contains("<option value=\"token.create\">"))
        #expect(first.contains("Cũ hơn →") && !first.contains("← Mới hơn"))

        let path = "/audit?actor=V%C4%83n+th%C6%B0+H%C3%B2a&action=token.create"
        let filtered = String(decoding: try await server.request(.get, path, headers: ["Cookie": cookie]).body, as: UTF8.self)
        #expect(Self.rows(filtered) == 50 && !filtered.contains("<td>test</td>"), "only that actor's entries")
        #expect(filtered.contains("<option value=\"Văn thư Hòa\" selected>"))
        let older = try #require(filtered.range(of: "<a href=\"/audit?")).upperBound
        let link = "/audit?" + String(filtered[older...].prefix { $0 != "\"" }).replacingOccurrences(of: "&amp;", with: "&")
        #expect(link.contains("page=2"))
        let second = String(decoding: try await server.request(.get, link, headers: ["Cookie": cookie]).body, as: UTF8.self)
        #expect(Self.rows(second) == 5 && second.contains("← Mới hơn") && !second.contains("Cũ hơn →"))
        #expect(second.contains("<td>may-0</td>") || second.contains("may-0"), "the oldest entry is on the last page")

        let none = String(
            decoding: try await server.request(.get, "/audit?actor=nobody&page=abc", headers: ["Cookie": cookie]).body, as: UTF8.self)
        #expect(none.contains("Không có mục nào khớp bộ lọc.") && Self.rows(none) == 0, "a bad page number is the first page")
        // A staff account's entries carry the person's name beside its actor, in the rows and the filter.
        let account = try await AccountTests.account(server, phone: "0912000777", role: .admin, name: "Lê Thị Hằng")
        _ = try await server.store.recordStaffAction(actor: account.tokenLabel, action: "channel.test", subject: "sms", detail: nil, at: Date())
        let named = String(
            decoding: try await server.request(.get, "/audit?action=channel.test", headers: ["Cookie": cookie]).body, as: UTF8.self)
        #expect(named.contains("<td>Lê Thị Hằng<br><span class=\"muted\">account:+84912000777</span></td>"), "\(named)")
        #expect(named.contains("<option value=\"account:+84912000777\">Lê Thị Hằng (account:+84912000777)</option>"))
        let english = String(decoding: try await server.request(.get, "/audit?lang=en", headers: ["Cookie": cookie]).body, as: UTF8.self)
        #expect(english.contains("Audit log") && english.contains("Older →"))
        await server.stop()
    }
}
