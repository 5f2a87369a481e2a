import Foundation
import LoaHTTP
import LoaServer
import Synchronization

/// A `chromedriver` child process on a free loopback port and the W3C WebDriver commands sent to
/// it over Loa's own HTTP client; sessions are opened with ``session(_:)`` and all closed by ``stop()``.
final class WebDriver: Sendable {
    /// Where chromedriver and Chromium are looked for (Debian's `chromium-driver` and `chromium`).
    static let driverPath = ["/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver"].first { FileManager.default.isExecutableFile(atPath: $0) }
    static let browserPath = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// The screen a session emulates: the office PC's window, or a phone through Chrome's mobile
    /// emulation (a plain `--window-size` cannot go below Chrome's 500 px minimum).
    enum Screen: Sendable {
        case desktop(width: Int, height: Int)
        case phone(width: Int, height: Int)

        /// The width in CSS pixels, used in screenshot names.
        var width: Int {
            switch self {
            case .desktop(let width, _), .phone(let width, _): width
            }
        }
    }

    let port: Int
    let process: Process
    let client: HTTPClient
    /// The sessions still open: stopping chromedriver alone would leave their browsers running.
    private let open = Mutex<[String]>([])

    private init(port: Int, process: Process, client: HTTPClient) {
        self.port = port
        self.process = process
        self.client = client
    }

    /// Starts chromedriver, writing its log to `log`, and waits until it reports itself ready.
    static func start(log: URL) async throws -> WebDriver {
        guard let driverPath, browserPath != nil else {
            throw WebDriverError("chromium and chromedriver are not installed (Debian packages chromium, chromium-driver)")
        }
        guard let port = LoaServer.freeLoopbackPort() else { throw WebDriverError("no free loopback port for chromedriver") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: driverPath)
        process.arguments = ["--port=\(port)", "--allowed-ips=127.0.0.1", "--log-path=\(log.path)"]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let driver = WebDriver(port: port, process: process, client: HTTPClient())
        for _ in 0..<100 {
            if let status = try? await driver.command(.get, "/status") as? [String: Any], status["ready"] as? Bool == true {
                return driver
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        await driver.shutdown()
        throw WebDriverError("chromedriver did not become ready on port \(port); see \(log.path)")
    }

    /// Opens a browser session on `screen` with a fresh profile.
    func session(_ screen: Screen) async throws -> BrowserSession {
        var arguments = ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--lang=vi"]
        var options: [String: Any] = ["binary": Self.browserPath ?? "/usr/bin/chromium"]
        switch screen {
        case .desktop(let width, let height):
            arguments.append("--window-size=\(width),\(height)")
        case .phone(let width, let height):
            options["mobileEmulation"] = ["deviceMetrics": ["width": width, "height": height, "pixelRatio": 2]]
        }
        options["args"] = arguments
        let capabilities: [String: Any] = ["capabilities": ["alwaysMatch": ["browserName": "chrome", "goog:chromeOptions": options]]]
        let value = try await command(.post, "/session", capabilities)
        guard let id = (value as? [String: Any])?["sessionId"] as? String else {
            throw WebDriverError("chromedriver answered a new session without an id: \(String(describing: value))")
        }
        open.withLock { $0.append(id) }
        return BrowserSession(driver: self, id: id, screen: screen)
    }

    /// Sends one WebDriver command and returns the answer's `value`, or throws the W3C error it names.
    @discardableResult
    func command(_ method: HTTPRequest.Method, _ path: String, _ body: [String: Any]? = nil) async throws -> Any {
        var request = HTTPRequest(method: method, url: "http://127.0.0.1:\(port)\(path)", timeout: .seconds(60))
        if method == .post {
            request.headers = ["Content-Type": "application/json; charset=utf-8"]
            request.body = Array(try JSONSerialization.data(withJSONObject: body ?? [:]))
        }
        let response = try await client.send(request)
        let object = try? JSONSerialization.jsonObject(with: Data(response.body), options: [.fragmentsAllowed])
        let value = (object as? [String: Any])?["value"] ?? NSNull()
        guard (200..<300).contains(response.status) else {
            let error = value as? [String: Any]
            let name = error?["error"] as? String ?? "HTTP \(response.status)"
            let message = (error?["message"] as? String).map { String($0.prefix(400)) } ?? ""
            throw WebDriverError("\(method) \(path): \(name): \(message)")
        }
        return value
    }

    /// Ends a session and its browser.
    func close(_ id: String) async {
        open.withLock { $0.removeAll { $0 == id } }
        _ = try? await command(.delete, "/session/\(id)")
    }

    /// Ends every open session, then stops chromedriver and the HTTP client.
    func shutdown() async {
        for id in open.withLock({ $0 }) { await close(id) }
        stop()
    }

    /// Stops chromedriver and the HTTP client.
    private func stop() {
        if process.isRunning {
            // chromedriver inherits the test process's blocked SIGTERM (seen in /proc/PID/status
            // SigBlk), so `terminate()` leaves it running; its sessions are closed, nothing is lost.
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        client.shutdown()
    }
}

/// A WebDriver command that failed, or a page that did not become what a step waited for.
struct WebDriverError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
