/// What a browser takes from a resident page before the person does anything: the stylesheets
/// and images it loads, and the first form that posts (the confirm button).
struct PageContents: Sendable {
    /// A `<form method="post">`: where it posts and what it sends.
    struct Form: Sendable {
        /// The `action` attribute as written (entities decoded); empty means the page itself.
        var action: String
        /// The hidden inputs, then the submit button when it has a name, in document order.
        var fields: [(name: String, value: String)]
    }

    /// `href`s of `<link rel="stylesheet">`, in document order.
    var stylesheets: [String] = []
    /// `src`s of `<img>`, in document order.
    var images: [String] = []
    /// The first form whose method is POST, if any.
    var form: Form?

    /// Reads `html`.
    init(html: String) {
        var open: Form?
        var submitter: (name: String, value: String)?
        for tag in HTMLTag.all(in: html) {
            switch (tag.name, tag.isEnd) {
            case ("link", false):
                let rel = (tag["rel"] ?? "").lowercased().split(whereSeparator: \.isWhitespace)
                // An alternate stylesheet is not applied, so a browser does not load it.
                if rel.contains("stylesheet"), !rel.contains("alternate"), let href = Self.nonEmpty(tag["href"]) {
                    stylesheets.append(href)
                }
            case ("img", false):
                if let src = Self.nonEmpty(tag["src"]) { images.append(src) }
            case ("form", false) where form == nil && open == nil:
                if (tag["method"] ?? "get").lowercased() == "post" {
                    open = Form(action: tag["action"] ?? "", fields: [])
                }
            case ("form", true):
                if var finished = open {
                    if let submitter { finished.fields.append(submitter) }
                    form = finished
                    open = nil
                }
            case ("input", false) where open != nil && tag["disabled"] == nil:
                let type = (tag["type"] ?? "text").lowercased()
                if type == "hidden", let name = Self.nonEmpty(tag["name"]) {
                    open?.fields.append((name, tag["value"] ?? ""))
                } else if type == "submit", submitter == nil, let name = Self.nonEmpty(tag["name"]) {
                    submitter = (name, tag["value"] ?? "")
                }
            case ("button", false) where open != nil && tag["disabled"] == nil:
                let type = (tag["type"] ?? "submit").lowercased()
                if type == "submit", submitter == nil, let name = Self.nonEmpty(tag["name"]) {
                    submitter = (name, tag["value"] ?? "")
                }
            default:
                break
            }
        }
        // A form left open at the end of the page still submits.
        if form == nil, var unfinished = open {
            if let submitter { unfinished.fields.append(submitter) }
            form = unfinished
        }
    }

    private static func nonEmpty(_ value: String?) -> String? {
        guard let value = value?.trimmingWhitespace, !value.isEmpty else { return nil }
        return value
    }
}
