import Foundation
import Testing

@testable import LoaServer

/// Every template escapes by Unicode scalar: `"`, `<` or `&` followed by a combining mark (one Swift
/// character each) comes out escaped in a page, in the layout, and in a block a page fills in.
@Suite("Page templates escape by scalar")
struct ScalarEscapeTemplateTests {
    @Test
    func combinedMarksAreEscapedInTheLayoutAndInPageBlocks() throws {
        let templates = try PageTemplates.shared.get()
        let tricky = "x\"\u{301} onfocus=alert(1) <\u{338}b &\u{300}"
        let html = try templates.render("dashboard/notices", [
            "t": DashboardText(english: false).words, "lang": "vi", "title": tricky, "commune": tricky, "hasNotices": true,
            "notices": [["id": "N-1", "title": tricky, "reachClass": tricky]],
        ])
        for raw in ["\"\u{301}", "<\u{338}", "&\u{300}"] {
            #expect(Data(html.utf8).range(of: Data(raw.utf8)) == nil, "raw \(raw.unicodeScalars.map { String($0.value, radix: 16) })")
        }
        #expect(html.contains("<title>x&quot;\u{301} onfocus=alert(1) &lt;\u{338}b &amp;\u{300} – "), "the layout's own values")
        #expect(html.contains("<span class=\"x&quot;\u{301} onfocus=alert(1) &lt;\u{338}b &amp;\u{300}\">"), "a page's block")
    }
}
