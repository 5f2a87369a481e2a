import Foundation
import LoaCore
import LoaHTTP
import Testing

/// `/m/{token}` and `/m/{token}/ack` over a real socket (SPEC §5).
@Suite("Resident pages", .serialized)
struct ResidentPageTests {
    static let phoneBrowser = "Mozilla/5.0 (Linux; Android 10; SM-A105F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36"

    @Test
    func aPersonsVisitOpensAndShowsTheConvocationInVietnamese() async throws {
        let server = try await ServerHarness.start()
        let token = try await server.token("Nguyễn Văn An")
        let page = try await server.request(.get, "/m/\(token)", headers: ["User-Agent": Self.phoneBrowser])
        #expect(page.status == 200)
        let html = String(decoding: page.body, as: UTF8.self)
        #expect(html.contains("Họp dân bàn kế hoạch phòng chống bão"))
        #expect(html.contains("Nguyễn Văn An"))
        #expect(html.contains("Nhà văn hóa thôn"))
        #expect(html.contains("Xác nhận đã nhận"))
        #expect(html.contains("action=\"/m/\(token)/ack\""))
        #expect(!html.contains("<script"), "works without JavaScript")
        #expect(page.headers["Cache-Control"] == "no-store")
        #expect(try await server.state("Nguyễn Văn An") == .accepted, "the page alone is what a preview fetcher reads")
        let css = try await server.request(.get, "/m/\(token)/s.css", headers: ["User-Agent": Self.phoneBrowser])
        #expect(css.status == 200)
        #expect(String(decoding: css.body, as: UTF8.self).contains("font:22px"))
        #expect(try await server.state("Nguyễn Văn An") == .opened, "a browser loads the page's stylesheet")
        await server.stop()
    }

    @Test(arguments: [
        ("HEAD", ResidentPageTests.phoneBrowser),
        ("GET", "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)"),
        ("GET", "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"),
        ("GET", "TelegramBot (like TwitterBot)"),
        ("GET", "WhatsApp/2.23.20.0"),
        ("GET", "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)"),
        ("GET", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) SkypeUriPreview Preview/0.5"),
        ("GET", ""),
    ])
    func previewFetchesAndHeadRequestsNeverOpen(method: String, agent: String) async throws {
        let server = try await ServerHarness.start()
        let token = try await server.token("Trần Thị Bình")
        let headers: HTTPHeaders = agent.isEmpty ? [:] : ["User-Agent": agent]
        let response = try await server.request(HTTPRequest.Method(rawValue: method), "/m/\(token)", headers: headers)
        #expect(response.status == 200)
        #expect(try await server.state("Trần Thị Bình") == .accepted)
        _ = try await server.request(HTTPRequest.Method(rawValue: method), "/m/\(token)/s.css", headers: headers)
        #expect(try await server.state("Trần Thị Bình") == .accepted, "known fetchers never open, even loading the stylesheet")
        let events = try await server.store.events(message: try server.job("Trần Thị Bình").messageID)
        #expect(events.allSatisfy { $0.kind == "visit" })
        #expect(events.count == (method == "GET" ? 1 : 0))
        await server.stop()
    }

    @Test
    func confirmingIsIdempotentAndThanksTheResident() async throws {
        let server = try await ServerHarness.start()
        let token = try await server.token("Lê Văn Cường")
        for _ in 0..<3 {
            let response = try await server.request(.post, "/m/\(token)/ack", headers: ["User-Agent": Self.phoneBrowser])
            #expect(response.status == 200)
            #expect(String(decoding: response.body, as: UTF8.self).contains("Xin cảm ơn"))
        }
        #expect(try await server.state("Lê Văn Cường") == .acknowledged)
        let acks = try await server.store.events(message: try server.job("Lê Văn Cường").messageID).filter { $0.kind == "ack" }
        #expect(acks.count == 1)
        let page = try await server.request(.get, "/m/\(token)", headers: ["User-Agent": Self.phoneBrowser])
        #expect(String(decoding: page.body, as: UTF8.self).contains("Bà con đã xác nhận"))
        await server.stop()
    }

    @Test
    func unknownAndMalformedTokensAre404AndCancelledNoticesCannotBeConfirmed() async throws {
        let server = try await ServerHarness.start()
        for path in ["/m/00000000000000000000000000000000", "/m/not-a-token", "/m/%27%3B--", "/m/" + String(repeating: "a", count: 500)] {
            #expect(try await server.request(.get, path, headers: ["User-Agent": Self.phoneBrowser]).status == 404)
            #expect(try await server.request(.post, path + "/ack").status == 404)
        }
        _ = try await server.store.cancelNotice(id: server.notice.id, actor: "test")
        let token = try await server.token("Phạm Thị Dung")
        let refused = try await server.request(.post, "/m/\(token)/ack")
        #expect(refused.status == 409)
        #expect(String(decoding: refused.body, as: UTF8.self).contains("đã được hủy"))
        #expect(try await server.state("Phạm Thị Dung") == .accepted)
        await server.stop()
    }
}
