import Foundation

/// One browser window driven through WebDriver: navigate, find elements by CSS selector, type,
/// click, read the page and take screenshots.
struct BrowserSession: Sendable {
    /// The W3C key under which an element reference travels.
    static let elementKey = "element-6066-11e4-a52e-4f735466cecf"

    let driver: WebDriver
    let id: String
    let screen: WebDriver.Screen

    private var path: String { "/session/\(id)" }

    /// Loads `url` and waits for the page to finish loading.
    func open(_ url: String) async throws {
        try await driver.command(.post, path + "/url", ["url": url])
    }

    /// The address of the page shown now.
    func url() async throws -> String {
        try await driver.command(.get, path + "/url") as? String ?? ""
    }

    /// The path (and query) of the page shown now, without the origin.
    func location() async throws -> String {
        let url = try await url()
        guard let components = URLComponents(string: url) else { return url }
        return components.percentEncodedPath + (components.percentEncodedQuery.map { "?" + $0 } ?? "")
    }

    /// The page's DOM as HTML.
    func source() async throws -> String {
        try await driver.command(.get, path + "/source") as? String ?? ""
    }

    /// The first element matching the CSS `selector` (or XPath expression with `using: "xpath"`),
    /// or an error naming the selector and the page.
    func element(_ selector: String, using strategy: String = "css selector") async throws -> String {
        do {
            let value = try await driver.command(.post, path + "/element", ["using": strategy, "value": selector])
            guard let element = (value as? [String: Any])?[Self.elementKey] as? String else {
                throw WebDriverError("no element reference for \(selector)")
            }
            return element
        } catch {
            throw WebDriverError("\(selector) is not on \((try? await location()) ?? "the page"): \(error)")
        }
    }

    /// Every element matching `selector` (none is not an error).
    func elements(_ selector: String) async throws -> [String] {
        let value = try await driver.command(.post, path + "/elements", ["using": "css selector", "value": selector])
        return (value as? [[String: Any]] ?? []).compactMap { $0[Self.elementKey] as? String }
    }

    /// The rendered text of the first element matching `selector` (`main` is the page's content).
    func text(_ selector: String = "main") async throws -> String {
        // A page that refreshes itself (meta refresh) or is still being replaced after a form's
        // answer can lose the element between the two commands, or not have it yet.
        let transient = ["stale element", "does not belong to the document", "no such element"]
        for _ in 0..<5 {
            do {
                return try await text(of: try await element(selector))
            } catch let error as WebDriverError where transient.contains(where: error.description.contains) {
                try await Task.sleep(for: .milliseconds(100))
            }
        }
        return try await text(of: try await element(selector))
    }

    /// The rendered text of an element found before.
    func text(of element: String) async throws -> String {
        try await driver.command(.get, path + "/element/\(element)/text") as? String ?? ""
    }

    /// An attribute or property of an element found before (`value` of an input, `href` of a link).
    func attribute(_ name: String, of element: String) async throws -> String? {
        try await driver.command(.get, path + "/element/\(element)/property/\(name)") as? String
    }

    /// Replaces the text of the field matching `selector` with `text`; a file input takes a file's
    /// absolute path.
    func type(_ text: String, into selector: String) async throws {
        let element = try await element(selector)
        if try await attribute("type", of: element) != "file" {
            try await driver.command(.post, path + "/element/\(element)/clear", [:])
        }
        try await driver.command(.post, path + "/element/\(element)/value", ["text": text])
    }

    /// Chooses the option whose visible text contains `label` in the `<select>` matching `selector`.
    func choose(_ label: String, in selector: String) async throws {
        for option in try await elements(selector + " option") where try await text(of: option).contains(label) {
            try await click(element: option)
            return
        }
        throw WebDriverError("no option \"\(label)\" in \(selector) on \(try await location())")
    }

    /// Clicks the first element matching `selector`.
    func click(_ selector: String) async throws {
        try await click(element: try await element(selector))
    }

    /// Clicks an element found before; a click that submits a form returns once the next page loaded.
    func click(element: String) async throws {
        try await driver.command(.post, path + "/element/\(element)/click", [:])
    }

    /// Runs `script` in the page and returns its result; only for measuring what a page looks like.
    func measure(_ script: String) async throws -> Any {
        try await driver.command(.post, path + "/execute/sync", ["script": script, "args": [Any]()])
    }

    /// Sends a Chrome DevTools command through chromedriver's `goog/cdp/execute`.
    @discardableResult
    func devTools(_ command: String, _ parameters: [String: Any] = [:]) async throws -> Any {
        try await driver.command(.post, path + "/goog/cdp/execute", ["cmd": command, "params": parameters])
    }

    /// Ends the session and its browser.
    func close() async {
        await driver.close(id)
    }
}
