import Foundation
import LoaHTTP
import LoaServer
import LoaSimulator
import Synchronization
import Testing
import LoaTesting

/// What one office day in the browser runs against: a working directory with `loa.toml`, the
/// in-process gateway simulator behind an eSMS channel (sends, slow receipts) and a SpeedSMS
/// channel (residents' replies), `loa run` serving the dashboard, and chromedriver.
final class OfficeDay: Sendable {
    /// The secret every channel's hook path is derived from.
    static let hookSecret = "office-day-hook-secret"

    let cli: CLI
    let simulator: GatewaySimulator
    let port: Int
    let server: Process
    let driver: WebDriver
    let http: HTTPClient
    /// Where every page's screenshots go: `.build/screenshots`.
    let screenshots: URL
    /// Pages wider than the screen they were photographed on, for the report.
    let overflows = Mutex<[String]>([])

    /// The address the browsers load Loa from.
    var origin: String { "http://127.0.0.1:\(port)" }

    private init(cli: CLI, simulator: GatewaySimulator, port: Int, server: Process, driver: WebDriver, screenshots: URL) {
        self.cli = cli
        self.simulator = simulator
        self.port = port
        self.server = server
        self.driver = driver
        self.http = HTTPClient()
        self.screenshots = screenshots
    }

    /// Writes the configuration, starts the simulator, `loa run` and chromedriver, and waits for Loa
    /// to serve. Receipts come 3 s after each send, so a notice's page is seen while it is active.
    static func start() async throws -> OfficeDay {
        let cli = try CLI()
        var options = SimulatorOptions()
        options.callbackDelay = .seconds(3) ... .seconds(3)
        let simulator = GatewaySimulator(options: options)
        let simulatorPort = try await simulator.start()
        guard let port = LoaServer.freeLoopbackPort() else { throw WebDriverError("no free loopback port for loa run") }
        try cli.runner.write("loa.toml", Data("""
            [commune]
            name = "Xã Hải Lạng"
            quiet_hours = "none"
            [server]
            listen = "127.0.0.1:\(port)"
            public_url = "http://127.0.0.1:\(port)"
            hook_secret = "\(hookSecret)"
            link_secret = "office-day-link-secret"
            [[channels]]
            name = "sms"
            kind = "esms"
            base_url = "http://127.0.0.1:\(simulatorPort)"
            api_key = "\(options.esms.apiKey)"
            secret_key = "\(options.esms.secretKey)"
            brandname = "UBND XA"
            free_text = true
            [[channels]]
            name = "tin-den"
            kind = "speedsms"
            base_url = "http://127.0.0.1:\(simulatorPort)"
            access_token = "\(options.speedsms.accessToken)"
            free_text = true

            """.utf8))
        let server = try cli.runner.start(["run"], log: "run.log")
        let screenshots = BrowserTests.buildDirectory().appendingPathComponent("screenshots")
        let driver: WebDriver
        do {
            try await TestHTTPServerProbe(port: port).waitUntilServing()
            driver = try await WebDriver.start(log: cli.runner.directory.appendingPathComponent("chromedriver.log"))
        } catch {
            server.terminate()
            await simulator.stop()
            throw error
        }
        return OfficeDay(cli: cli, simulator: simulator, port: port, server: server, driver: driver, screenshots: screenshots)
    }

    /// Closes the browsers and chromedriver, stops `loa run` and the simulator.
    func stop() async {
        await driver.shutdown()
        server.terminate()
        server.waitUntilExit()
        http.shutdown()
        await simulator.stop()
    }

    /// Photographs the page `session` shows at 1280 and 360 px as `<name>-1280.png` / `-360.png`
    /// and notes a page wider than either screen.
    @discardableResult
    func photograph(_ session: BrowserSession, _ name: String) async throws -> [BrowserSession.Shot] {
        let shots = try await session.photograph(name, into: screenshots)
        for shot in shots where shot.scrollsSideways {
            overflows.withLock { $0.append("\(name) is \(shot.scrollWidth) px wide at \(shot.screen.width) px") }
        }
        return shots
    }

    /// Signs `session` in through `/login` with a phone number and a password, as a person types them.
    func signIn(_ session: BrowserSession, phone: String, password: String) async throws {
        try await submitSignIn(session, phone: phone, password: password)
        try await session.wait(for: "the sign-in's answer") {
            if try await !session.location().hasPrefix("/login") { return true }
            return try await session.text("body").contains(Self.forged)
        }
        #expect(
            try await !session.text("body").contains(Self.forged),
            "Loa refused its own sign-in form as posted by Chromium (the Origin a browser sends from Loa's pages)")
        try await session.wait(for: "leaving the sign-in page") { try await !session.location().hasPrefix("/login") }
    }

    /// The start of Loa's answer to a sign-in form that did not come from its own page.
    static let forged = "Yêu cầu đăng nhập này không gửi từ trang đăng nhập của Loa"

    /// Fills and submits the sign-in form, whatever the answer.
    func submitSignIn(_ session: BrowserSession, phone: String, password: String) async throws {
        try await session.visit(origin, "/login")
        try await session.type(phone, into: "form[action='/login'][class='signin'] input[name='phone']")
        try await session.type(password, into: "form[action='/login'][class='signin'] input[name='password']")
        try await session.click("form[action='/login'][class='signin'] button[type='submit']")
    }

    /// Whether a dashboard page exists yet (another engineer may still be building it): its path
    /// answers a signed-out visit with anything but 404. A missing page fails the test under
    /// `CI=true`, and is printed otherwise, naming the page and who builds it.
    func landed(_ path: String, _ page: String) async -> Bool {
        let response = try? await http.send(HTTPRequest(url: origin + path, timeout: testAnswerTimeout))
        if let response, response.status != 404 { return true }
        missing("\(page) (\(path))")
        return false
    }

    /// Says that `what` has not landed, so the day stops there: a failure under `CI=true`, a printed
    /// line elsewhere (never a silent skip).
    func missing(_ what: String) {
        let message = "\(what) has not landed: the office day cannot go through it in the browser"
        if ProcessInfo.processInfo.environment["CI"] == "true" {
            Issue.record(Comment(rawValue: message))
        } else {
            print("OfficeBrowserTests: \(message)")
        }
    }

    /// Posts an inbound SMS from `phone` to the SpeedSMS channel's reply hook, as SpeedSMS pushes it.
    func inboundSMS(from phone: String, _ content: String) async throws -> Int {
        let channels = try #require(try await cli.json("channels", "--show-secrets") as? [[String: Any]])
        let replies = try #require(channels.first { $0["name"] as? String == "tin-den" })
        let url = try #require((replies["callback_urls"] as? [String: Any])?["inbound"] as? String)
        let body = try JSONSerialization.data(withJSONObject: ["type": "inbound", "phone": phone, "content": content])
        let request = HTTPRequest(
            method: .post, url: url, headers: ["Content-Type": "application/json"], body: Array(body), timeout: testAnswerTimeout)
        return try await http.send(request).status
    }
}
