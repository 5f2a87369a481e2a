import Foundation
import Testing

@testable import LoaServer

/// The page templates are found from the test binary, every one of them parses, and a value is
/// escaped unless a template asks otherwise.
@Suite("Page templates")
struct PageTemplateTests {
    @Test
    func everyTemplateLoadsAndValuesAreEscaped() throws {
        let templates = try PageTemplates.shared.get()
        #expect(templates.directory.hasSuffix("Sources/LoaServer/Templates"))
        let html = try templates.render("message", [
            "t": [String: String](), "lang": "vi", "title": "<script>alert(1)</script>", "commune": "Xã Hải Lạng",
            "message": "Ông \"Tư\" & bà Năm",
        ])
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;") && !html.contains("<script>"))
        #expect(html.contains("Ông &quot;Tư&quot; &amp; bà Năm"))
        #expect(html.contains("<html lang=\"vi\">") && html.contains("Xã Hải Lạng"))
    }

    @Test
    func aMissingTemplateIsAnErrorNamingIt() throws {
        let templates = try PageTemplates.shared.get()
        #expect(throws: PageTemplateError.self) { try templates.render("no-such-page", [:]) }
    }
}
