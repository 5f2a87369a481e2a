import Foundation
import LoaChannels
import LoaCore
import LoaHTTP
import LoaStore
import Testing

/// A hamlet, a resident and a notice title that are markup come out as text on every dashboard page
/// rendered from a template, charts (SVG Loa draws) included.
@Suite("Dashboard pages escape stored text", .serialized)
struct PageEscapeTests {
    static let script = "<script>alert(1)</script>"
    static let escaped = "&lt;script&gt;alert(1)&lt;/script&gt;"

    @Test
    func aHamletNamedLikeAScriptIsTextOnEveryPage() async throws {
        let phone = try PhoneNumber(parsing: "0977000333")
        let server = try await ServerHarness.start(
            moreResidents: [ResidentInput(name: "Bà \(Self.script)", phone: phone, hamlet: Self.script, groups: [Self.script])])
        let notice = try await server.store.createNotice(
            NoticeDraft(
                kind: .convocation, title: "Họp \(Self.script)", body: "Mời \(Self.script)", audience: [.all],
                channels: try ChannelPolicy(parsing: "sms"), sendAt: Date().addingTimeInterval(-5),
                meetingAt: Date().addingTimeInterval(86_400), place: Self.script, createdBy: "test"))
        let admin = try await SessionClient.token(server, .admin, label: "escape-\(UUID().uuidString.prefix(6))")
        var browser = try await SessionClient(server)
        _ = try await browser.signIn(admin)
        let hamlet = FormEncoding.escape(Self.script)
        let pages = [
            "/", "/notices/\(notice.id)", "/notices/\(notice.id)?lang=en", "/notices/\(notice.id)/unread",
            "/notices/\(notice.id)/unread?hamlet=\(hamlet)", "/notices/\(notice.id)/sheet?hamlet=\(hamlet)",
            "/audit?actor=\(hamlet)&action=\(hamlet)",
        ]
        for path in pages {
            let response = try await browser.get(path)
            let html = String(decoding: response.body, as: UTF8.self)
            #expect(response.status == 200, "\(path)")
            #expect(!html.contains("<script"), "\(path) carries raw markup")
            #expect(html.contains(Self.escaped), "\(path) shows the name as text")
        }
        let chart = String(decoding: try await browser.get("/notices/\(notice.id)").body, as: UTF8.self)
        #expect(chart.contains("text-anchor=\"end\">\(Self.escaped)</text>"), "the SVG chart's label is escaped")

        let preview = try await browser.post("/notices", [
            ("kind", "notice"), ("title", Self.script), ("body", Self.script), ("to", "hamlet:\(Self.script)"), ("channels", "sms"),
            ("action", "preview"),
        ])
        let previewHTML = String(decoding: preview.body, as: UTF8.self)
        #expect(!previewHTML.contains("<script") && previewHTML.contains("value=\"\(Self.escaped)\""))
        #expect(previewHTML.contains("<textarea name=\"body\" rows=\"5\">\(Self.escaped)</textarea>"))

        let landing = String(decoding: try await server.request(.get, "/?code=\(hamlet)").body, as: UTF8.self)
        #expect(!landing.contains("<script") && landing.contains("--code \(Self.escaped)"))
        await server.stop()
    }
}
