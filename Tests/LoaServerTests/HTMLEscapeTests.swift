import Foundation
import LoaChannels
import LoaCore
import LoaHTTP
import LoaStore
import Testing

@testable import LoaServer

/// `"`, `<` and `&` followed by a combining mark are one Swift character each; escaping by character
/// let them through raw. Each page that prints stored or typed text is read as bytes.
@Suite("HTML escaping by scalar", .serialized)
struct HTMLEscapeTests {
    static let quote = "\"\u{301}"
    static let less = "<\u{338}"
    static let amp = "&\u{300}"

    /// `bytes` contains `needle`'s UTF-8, compared byte for byte (not by canonical equivalence).
    static func has(_ bytes: [UInt8], _ needle: String) -> Bool {
        Data(bytes).range(of: Data(needle.utf8)) != nil
    }

    static func raw(_ bytes: [UInt8]) -> [String] {
        [quote, less, amp].filter { has(bytes, $0) }
    }

    @Test(arguments: [
        ("\"\u{301}", "&quot;\u{301}"),
        ("<\u{338}", "&lt;\u{338}"),
        ("&\u{300}", "&amp;\u{300}"),
        ("'\u{301}>\u{338}", "&#39;\u{301}&gt;\u{338}"),
        ("Nguyễn \"Văn\" <An>", "Nguyễn &quot;Văn&quot; &lt;An&gt;"),
    ])
    func escapesEachScalar(text: String, expected: String) {
        #expect(Array(HTML.escape(text).utf8) == Array(expected.utf8))
    }

    @Test
    func residentPageAndDashboardEscapeCombinedMarks() async throws {
        let name = "Bà \(Self.quote) onmouseover=alert(1) \(Self.amp)lt;"
        let hamlet = "Thôn \(Self.quote) autofocus onfocus=alert(1) x=\(Self.quote)"
        let phone = try PhoneNumber(parsing: "0977000111")
        let server = try await ServerHarness.start(
            moreResidents: [ResidentInput(name: name, phone: phone, hamlet: hamlet)])
        let notice = try await server.store.createNotice(
            NoticeDraft(
                kind: .convocation, title: "Họp \(Self.quote)\(Self.amp)amp; \(Self.less)b>", body: "Mời \(Self.quote) \(Self.amp)",
                audience: [.phone(phone)], channels: try ChannelPolicy(parsing: "sms"), sendAt: Date(),
                meetingAt: Date().addingTimeInterval(86_400), place: "Nhà \(Self.quote)", createdBy: "test"))
        let message = try #require(try await server.store.messages(notice: notice.id).first)
        let token = try #require(try await server.store.linkToken(message: message.id))

        let page = try await server.request(.get, "/m/\(token)")
        #expect(page.status == 200)
        #expect(Self.raw(page.body).isEmpty, "raw on the resident page: \(Self.raw(page.body))")
        #expect(Self.has(page.body, "&quot;\u{301} onmouseover=alert(1) &amp;\u{300}lt;"))

        let cookie = try await DashboardTests.signIn(server, .admin, label: "escape-admin")
        let unread = try await server.request(.get, "/notices/\(notice.id)/unread", headers: ["Cookie": cookie])
        #expect(unread.status == 200)
        #expect(Self.raw(unread.body).isEmpty, "raw on the unread page: \(Self.raw(unread.body))")
        #expect(Self.has(unread.body, "<option value=\"Thôn &quot;\u{301} autofocus onfocus=alert(1) x=&quot;\u{301}\">"))

        // Typed form values are echoed into attributes as they came, without normalisation.
        let form = String(decoding: try await server.request(.get, "/notices/new", headers: ["Cookie": cookie]).body, as: UTF8.self)
        let csrf = try #require(DashboardTests.csrf(in: form))
        let typed = "x\(Self.quote) autofocus onfocus=alert(1) \(Self.less)\(Self.amp)"
        let fields = [("csrf", csrf), ("title", typed), ("body", typed), ("to", "nowhere:\(typed)"), ("action", "preview")]
        let echoed = try await server.request(
            .post, "/notices", headers: ["Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded"],
            body: Array(FormEncoding.encode(fields).utf8))
        #expect(Self.raw(echoed.body).isEmpty, "raw in the echoed form: \(Self.raw(echoed.body))")
        #expect(Self.has(echoed.body, "value=\"x&quot;\u{301} autofocus onfocus=alert(1) &lt;\u{338}&amp;\u{300}\""))
        #expect(try await server.store.notices().count == 2, "nothing created")
        await server.stop()
    }
}
