import ArgumentParser
import Foundation
import LoaChannels
import LoaConfig
import LoaCore
import LoaHTTP
import LoaScheduler
import LoaServer
import LoaSimulator
import LoaStore
import Logging
import ServiceLifecycle

/// `loa demo`: the main job end to end on embedded defaults (SPEC §3) — a synthetic commune, a
/// convocation sent through simulated Zalo with SMS fallback, receipts, opens and acknowledgements
/// coming back through Loa's own HTTP server, then the reach report and an HTML report file.
struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Send a convocation end to end to a synthetic commune through simulated gateways.")

    @Option(help: "The residents' CSV (default: the bundled synthetic commune, Fixtures/demo/commune.csv).")
    var residents: String?

    @Option(help: "Share of residents without a Zalo account (they get an SMS instead).")
    var noZaloShare = 0.22

    @Option(help: "Share of gateway requests that fail with a 5xx (retried).")
    var serverErrorRate = 0.02

    @Option(help: "Share of delivery reports saying undelivered.")
    var failureRate = 0.02

    @Option(help: "Share of gateway requests answered 429 with Retry-After (retried).")
    var throttleRate = 0.01

    @Option(help: "Share of residents who open their link.")
    var openShare = 0.8

    @Option(help: "Share of residents who confirm on their page (at most the open share).")
    var ackShare = 0.64

    @Option(help: "Share of links a link-preview fetcher (Zalo's, Facebook's…) also reads; a preview never counts as an open.")
    var previewShare = 0.5

    @Option(help: "The most requests in flight.")
    var workers = 32

    @Option(help: "Where to write the HTML report (default: loa-demo-report.html in the working directory).")
    var html = "loa-demo-report.html"

    @Flag(help: "Keep the demo's database and configuration instead of deleting them.")
    var keep = false

    func run() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("loa-demo-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { if !keep { try? FileManager.default.removeItem(at: directory) } }

        Terminal.info("Loa demo: a commune, a convocation, simulated Zalo and SMS gateways")
        let store = try SQLiteStore(path: directory.appendingPathComponent("loa.db").path)
        let file = try DemoCommune.residentsFile(residents)
        let imported = try await DemoCommune.importResidents(from: file, into: store)
        Terminal.info("1. imported \(imported.count) residents of \(imported.hamlets) hamlets from \(file)")

        guard let serverPort = LoaServer.freeLoopbackPort() else { throw UserError("no free loopback port for the demo's server") }
        let hookSecret = (0..<4).map { _ in String(UInt64.random(in: 0...UInt64.max), radix: 16) }.joined()
        let serverURL = "http://127.0.0.1:\(serverPort)"
        var options = SimulatorOptions()
        options.seed = 2026
        options.noZaloShare = try SimulateCommand.share(noZaloShare, "--no-zalo-share")
        options.serverErrorRate = try SimulateCommand.share(serverErrorRate, "--server-error-rate")
        options.throttleRate = try SimulateCommand.share(throttleRate, "--throttle-rate")
        options.latency = .milliseconds(2) ... .milliseconds(25)
        options.deliveryFailureRate = try SimulateCommand.share(failureRate, "--failure-rate")
        options.callbackDelay = .milliseconds(50) ... .milliseconds(800)
        options.duplicateCallbackRate = 0.05
        options.outOfOrderRate = 0.05
        options.openShare = openShare
        options.openDelay = .milliseconds(100) ... .milliseconds(1500)
        options.ackShare = ackShare
        options.ackDelay = .milliseconds(100) ... .milliseconds(1000)
        options.previewShare = previewShare
        // A slow answer on a busy machine must not count as a failed visit that Loa did record.
        options.callbackTimeout = .seconds(30)
        // Zalo calls one URL per app, registered once: the zalo channel's own (derived) hook URL.
        options.zalo.callbackURL = HookURLs(publicURL: serverURL, secret: HookSecret(master: hookSecret, channel: "zalo")).status
        // The demo OA's approved template as Zalo describes it: the button registered as
        // {public_url}/m/<nut_xac_nhan>, the parameter taking the resident's link token (gateways.md §13).
        options.zalo.templates["245881"] = ZNSTemplateSpec(
            name: "Mời họp thôn",
            params: [
                .init("ho_ten", maxLength: 30), .init("tieu_de", maxLength: 100), .init("thoi_gian", maxLength: 20),
                .init("dia_diem", maxLength: 200), .init("ma_xac_nhan", maxLength: 30),
                .init("nut_xac_nhan", type: "URL", maxLength: 200),
            ],
            buttonURL: serverURL + "/m/<nut_xac_nhan>")
        let simulator = GatewaySimulator(options: options)
        let port = try await simulator.start()
        defer { Task { await simulator.stop() } }
        Terminal.info("2. gateway simulator on 127.0.0.1:\(port) speaking Zalo ZNS and eSMS")

        let configurationText = DemoCommune.configurationText(
            simulator: options, baseURL: "http://127.0.0.1:\(port)", serverPort: serverPort, hookSecret: hookSecret)
        try configurationText.write(to: directory.appendingPathComponent("loa.toml"), atomically: true, encoding: .utf8)
        let configuration = try LoaConfiguration.parse(configurationText, source: "demo loa.toml")
        let notice = try await store.createNotice(DemoCommune.convocation(zone: configuration.commune.timeZone))
        Terminal.info("3. convocation \(notice.id) '\(notice.draft.title)' queued for \(notice.messageCount) residents via zalo>sms")

        var setup = ServerSetup(store: store, configuration: configuration, adapters: [], logger: Self.quietLogger)
        let adapters = try configuration.channels.map { channel in
            try ChannelRegistry.adapter(for: channel, hooks: setup.hookURLs(channel: channel.name))
        }
        setup.adapters = Dictionary(adapters.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let server = try await DemoServer.start(setup)
        Terminal.info("4. Loa's server on \(serverURL): receipts at /hooks/…, residents' pages at /m/…")

        var settings = DispatchSettings(configuration: configuration)
        settings.workers = workers
        settings.publicURL = configuration.server.publicURL
        settings.backoff = Backoff(base: .milliseconds(200), cap: .seconds(5), maxAttempts: 6)
        let client = HTTPClient(configuration: .init(maxConnectionsPerHost: workers))
        defer { client.shutdown() }
        let dispatcher = Dispatcher(store: store, adapters: adapters, transport: client, settings: settings)
        let bar = ProgressBar("5. sending", total: notice.messageCount)
        let watcher = Task {
            while !Task.isCancelled {
                let counts = (try? await store.messageCounts(notice: notice.id)) ?? [:]
                bar.update(notice.messageCount - (counts[.queued] ?? 0) - (counts[.sending] ?? 0))
                try? await Task.sleep(for: .milliseconds(150))
            }
        }
        let started = Date()
        try await dispatcher.run(untilIdle: true)
        watcher.cancel()
        bar.finish()
        let seconds = Date().timeIntervalSince(started)
        Terminal.info("6. waiting for the simulated residents to open and confirm…")
        _ = await simulator.waitUntilIdle(timeout: .seconds(60))
        await server.stop()

        let report = try await DemoReport.make(
            notice: notice, store: store, simulator: simulator, options: options, seconds: seconds)
        Terminal.out(report)
        let reach = try await store.report(notice: notice.id, by: .hamlet, reachTarget: configuration.commune.reachTarget)
        Terminal.out(DemoReport.reachTable(reach, simulator: simulator))
        let page = HTMLReport(commune: configuration.commune.name, zone: configuration.commune.timeZone)
            .render(notice: notice, report: reach)
        try page.write(toFile: html, atomically: true, encoding: .utf8)
        Terminal.out("HTML report: \(URL(fileURLWithPath: html).standardizedFileURL.path)")
        Terminal.out(DemoReport.reachLines(reach, simulator: simulator))
        if keep {
            Terminal.info("kept: \(directory.path) — try: loa --db sqlite:\(directory.path)/loa.db notice show \(notice.id)")
        }
    }

    /// The demo's server logs only problems; the progress bar is the demo's voice.
    static var quietLogger: Logger {
        var logger = Logger(label: "loa.server")
        logger.logLevel = .warning
        return logger
    }
}
