import Foundation

extension BrowserSession {
    /// The two screens every page is photographed on: the office PC and a cheap Android phone.
    static let reviewScreens: [WebDriver.Screen] = [.desktop(width: 1280, height: 900), .phone(width: 360, height: 740)]

    /// What a page looked like on one screen.
    struct Shot: Sendable {
        let screen: WebDriver.Screen
        let file: URL
        /// `document.documentElement.scrollWidth`: more than the screen's width means sideways scrolling.
        let scrollWidth: Int

        /// Whether the page is wider than the screen.
        var scrollsSideways: Bool { scrollWidth > screen.width }
    }

    /// Writes `<directory>/<name>-1280.png` and `<name>-360.png` of the whole page shown now. The
    /// other screen is emulated in this same window (Chrome DevTools' device metrics override, the
    /// mechanism chromedriver's mobile emulation uses), so a page that answered a form is
    /// photographed as it is, without loading it again; the session's own screen is restored after.
    @discardableResult
    func photograph(_ name: String, into directory: URL) async throws -> [Shot] {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var shots: [Shot] = []
        for screen in Self.reviewScreens {
            let own = screen.width == self.screen.width
            if !own { try await emulate(screen) }
            let file = directory.appendingPathComponent("\(name)-\(screen.width).png")
            try await capture(to: file)
            let width = try await measure("return document.documentElement.scrollWidth") as? Int ?? 0
            shots.append(Shot(screen: screen, file: file, scrollWidth: width))
            if !own { try await emulate(self.screen, restoring: true) }
        }
        return shots
    }

    /// Makes the window render as `screen`; `restoring` the session's own desktop screen drops the override.
    private func emulate(_ screen: WebDriver.Screen, restoring: Bool = false) async throws {
        switch screen {
        case .desktop(let width, let height):
            if restoring {
                try await devTools("Emulation.clearDeviceMetricsOverride")
            } else {
                try await devTools(
                    "Emulation.setDeviceMetricsOverride", ["width": width, "height": height, "deviceScaleFactor": 1, "mobile": false])
            }
        case .phone(let width, let height):
            try await devTools(
                "Emulation.setDeviceMetricsOverride", ["width": width, "height": height, "deviceScaleFactor": 2, "mobile": true])
        }
    }

    /// Writes a PNG of the whole page (not only the visible part), at most 8 000 CSS pixels tall.
    private func capture(to file: URL) async throws {
        let metrics = try await devTools("Page.getLayoutMetrics") as? [String: Any]
        let size = metrics?["cssContentSize"] as? [String: Any]
        let width = (size?["width"] as? NSNumber)?.doubleValue ?? Double(screen.width)
        let height = min((size?["height"] as? NSNumber)?.doubleValue ?? 900, 8000)
        let clip: [String: Any] = ["x": 0, "y": 0, "width": width, "height": height, "scale": 1]
        let shot = try await devTools("Page.captureScreenshot", ["format": "png", "captureBeyondViewport": true, "clip": clip])
        guard let base64 = (shot as? [String: Any])?["data"] as? String, let data = Data(base64Encoded: base64) else {
            throw WebDriverError("Chrome returned no screenshot for \(file.lastPathComponent)")
        }
        try data.write(to: file)
    }
}
