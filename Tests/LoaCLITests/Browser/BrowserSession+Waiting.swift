import Foundation

extension BrowserSession {
    /// Polls `condition` every 100 ms until it holds; after `timeout` throws an error naming
    /// `what` was awaited, the page it was awaited on and the start of that page's text.
    func wait(
        for what: String, timeout: Duration = .seconds(10), _ condition: @Sendable () async throws -> Bool
    ) async throws {
        let deadline = ContinuousClock.now + timeout
        while true {
            if (try? await condition()) == true { return }
            if ContinuousClock.now >= deadline {
                let location = (try? await location()) ?? "?"
                let text = (try? await text("body")) ?? ""
                throw WebDriverError("waited \(timeout) for \(what) on \(location); the page says: \(text.prefix(600))")
            }
            try await Task.sleep(for: .milliseconds(100))
        }
    }

    /// Waits until the page's path starts with `prefix` (after a form's redirect).
    func wait(forPath prefix: String, timeout: Duration = .seconds(10)) async throws {
        try await wait(for: "the path \(prefix)", timeout: timeout) { try await location().hasPrefix(prefix) }
    }

    /// Waits until the page's visible text contains every one of `words`.
    func wait(forText words: String..., timeout: Duration = .seconds(10)) async throws {
        try await wait(for: words.map { "\"\($0)\"" }.joined(separator: ", "), timeout: timeout) {
            let text = try await text("body")
            return words.allSatisfy { text.contains($0) }
        }
    }

    /// Loads `path` at `origin` and waits for its path (a page that redirects to sign-in fails the wait).
    func visit(_ origin: String, _ path: String) async throws {
        try await open(origin + path)
        let bare = String(path.prefix { $0 != "?" })
        try await wait(forPath: bare)
    }
}
