import Mustache

/// The escaping every page template uses: ``HTML/escape(_:)``, which walks Unicode scalars.
///
/// swift-mustache's own HTML escaping compares whole characters, so `"` followed by a combining
/// mark (one Swift character unequal to `"`) would leave an attribute value unescaped. Mustache
/// starts each template and each partial with its own HTML escaping, so ``PageTemplates`` puts
/// ``pragma`` at the top of every template it loads; blocks a page fills in the layout
/// (`{{$content}}`) are rendered with the layout's escaping, which is this one.
struct ScalarHTMLEscape: MustacheContentType {
    /// The name templates select it by.
    static let name = "LOA_HTML"
    /// The line that selects it, put before every template's text.
    static let pragma = "{{% CONTENT_TYPE: \(name) }}\n"

    func escapeText(_ text: String) -> String {
        HTML.escape(text)
    }

    /// Makes the content type known to the template parser (before any template is parsed).
    static func register() {
        MustacheContentTypes.register(ScalarHTMLEscape(), named: name)
    }
}
