/// Character references in attribute values (`&amp;`, `&#39;`, `&#x2F;`), decoded as a browser
/// does before it uses a URL or a form value.
enum HTMLEntities {
    /// The named references a page's URLs and form values realistically contain.
    private static let named: [Substring: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}",
    ]

    /// `text` with every known reference replaced; an unknown or unterminated one stays as written.
    static func decode(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var out = ""
        var rest = text[...]
        while let ampersand = rest.firstIndex(of: "&") {
            out += rest[..<ampersand]
            let afterAmpersand = rest.index(after: ampersand)
            let candidate = rest[afterAmpersand...].prefix(12)
            if let semicolon = candidate.firstIndex(of: ";"), let scalar = character(rest[afterAmpersand..<semicolon]) {
                out += scalar
                rest = rest[rest.index(after: semicolon)...]
            } else {
                out += "&"
                rest = rest[afterAmpersand...]
            }
        }
        return out + rest
    }

    /// The text a reference's name (between `&` and `;`) stands for.
    private static func character(_ name: Substring) -> String? {
        if let text = named[name] { return text }
        guard name.first == "#" else { return nil }
        let digits = name.dropFirst()
        let code = digits.first == "x" || digits.first == "X"
            ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
        return code.flatMap(Unicode.Scalar.init).map { String(Character($0)) }
    }
}
