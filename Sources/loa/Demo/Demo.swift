import ArgumentParser
import Foundation
import LoaChannels
import LoaConfig
import LoaCore
import LoaHTTP
import LoaScheduler
import LoaSimulator
import LoaStore

/// `loa demo`: the main job end to end on embedded defaults (SPEC §3) — a synthetic commune, a
/// convocation sent through simulated Zalo with SMS fallback, and what happened per channel.
struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Send a convocation end to end to a synthetic commune through simulated gateways.")

    @Option(help: "The residents' CSV (default: the bundled synthetic commune, Fixtures/demo/commune.csv).")
    var residents: String?

    @Option(help: "Share of residents without a Zalo account (they get an SMS instead).")
    var noZaloShare = 0.22

    @Option(help: "Share of gateway requests that fail with a 5xx (retried).")
    var serverErrorRate = 0.02

    @Option(help: "Share of gateway requests answered 429 with Retry-After (retried).")
    var throttleRate = 0.01

    @Option(help: "The most requests in flight.")
    var workers = 32

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

        var options = SimulatorOptions()
        options.seed = 2026
        options.noZaloShare = noZaloShare
        options.serverErrorRate = serverErrorRate
        options.throttleRate = throttleRate
        options.latency = .milliseconds(2) ... .milliseconds(25)
        let simulator = GatewaySimulator(options: options)
        let port = try await simulator.start()
        defer { Task { await simulator.stop() } }
        Terminal.info("2. gateway simulator on 127.0.0.1:\(port) speaking Zalo ZNS and eSMS")

        let configurationText = DemoCommune.configurationText(simulator: options, baseURL: "http://127.0.0.1:\(port)")
        try configurationText.write(to: directory.appendingPathComponent("loa.toml"), atomically: true, encoding: .utf8)
        let configuration = try LoaConfiguration.parse(configurationText, source: "demo loa.toml")
        let notice = try await store.createNotice(DemoCommune.convocation(zone: configuration.commune.timeZone))
        Terminal.info("3. convocation \(notice.id) '\(notice.draft.title)' queued for \(notice.messageCount) residents via zalo>sms")

        let adapters = try configuration.channels.map { try ChannelRegistry.adapter(for: $0) }
        var settings = DispatchSettings(configuration: configuration)
        settings.workers = workers
        settings.backoff = Backoff(base: .milliseconds(200), cap: .seconds(5), maxAttempts: 6)
        let client = HTTPClient(configuration: .init(maxConnectionsPerHost: workers))
        defer { client.shutdown() }
        let dispatcher = Dispatcher(store: store, adapters: adapters, transport: client, settings: settings)
        let bar = ProgressBar("4. sending", total: notice.messageCount)
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

        let report = try await DemoReport.make(
            notice: notice, store: store, simulator: simulator, options: options, seconds: seconds)
        Terminal.out(report)
        if keep {
            Terminal.info("kept: \(directory.path) — try: loa --db sqlite:\(directory.path)/loa.db notice show \(notice.id)")
        }
    }
}
