import Foundation

extension BrowserSession {
    /// The XPath of the smallest element that holds both `text` and a control labelled `label`:
    /// the row (or card) of one resident, reply or account. Elements holding both form one chain of
    /// ancestors, so the last of them in document order is the innermost.
    static func row(holding text: String, withControl label: String) -> String {
        "(//*[contains(., \(literal(text))) and .//\(control(label))])[last()]"
    }

    /// The XPath step of a button (or submit input) whose words contain `label`.
    static func control(_ label: String) -> String {
        "*[(self::button or self::input[@type='submit']) and (contains(normalize-space(.), \(literal(label))) or contains(@value, \(literal(label))))]"
    }

    /// An XPath string literal of `text` (Vietnamese words never need `concat` for both quote kinds here).
    static func literal(_ text: String) -> String {
        text.contains("'") ? "\"\(text)\"" : "'\(text)'"
    }

    /// Clicks the button labelled `label` in the row that shows `text`, then waits for the page the
    /// form's answer leads to.
    func press(_ label: String, inRowOf text: String) async throws {
        let button = try await element(Self.row(holding: text, withControl: label) + "//" + Self.control(label), using: "xpath")
        try await click(element: button)
    }

    /// Chooses, in the row that shows `text` and has a button labelled `label`, the option of its
    /// `<select>` whose words contain `option`.
    func choose(_ option: String, inRowOf text: String, withControl label: String) async throws {
        let select = Self.row(holding: text, withControl: label) + "//select"
        let choice = try await element(select + "/option[contains(normalize-space(.), \(Self.literal(option)))]", using: "xpath")
        try await click(element: choice)
    }

    /// Whether any button (or submit input) on the page is labelled with `label`.
    func hasControl(_ label: String) async throws -> Bool {
        let found = try await driver.command(.post, "/session/\(id)/elements", ["using": "xpath", "value": "//" + Self.control(label)])
        return !((found as? [Any])?.isEmpty ?? true)
    }
}
