import ArgumentParser
import Foundation
import LoaChannels
import LoaConfig
import LoaCore
import LoaHTTP
import LoaScheduler
import LoaStore
import Logging
import ServiceLifecycle

/// `loa run`: the scheduler and dispatcher (SPEC §3); the HTTP server joins it with the tracking work.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Send due messages: scheduler and dispatcher in one process.",
        discussion: "Stops on SIGTERM or SIGINT after recording the requests in flight.")

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Exit once nothing is due, begun or in flight (notices scheduled later stay queued).")
    var untilIdle = false

    @Flag(help: "Do not start the HTTP server.")
    var noServer = false

    @Option(help: "The most gateway requests in flight at once.")
    var workers = 32

    @Option(help: "How long a claim holds before another worker may retake it (e.g. 2m, 30s).")
    var lease = "2m"

    func validate() throws {
        guard (1...4096).contains(workers) else { throw ValidationError("--workers must be between 1 and 4096") }
    }

    func run() async throws {
        let configuration = try global.configuration()
        guard !configuration.channels.isEmpty else {
            throw UserError("no channels configured: add [[channels]] to \(configuration.source == "built-in defaults" ? "loa.toml" : configuration.source)")
        }
        let adapters = try configuration.channels.map { try ChannelRegistry.adapter(for: $0) }
        let store = try await global.store()
        var settings = DispatchSettings(configuration: configuration)
        settings.workers = workers
        do { settings.lease = try DurationText.parse(lease) } catch { throw UserError("--lease: \(error)") }
        let client = HTTPClient(configuration: .init(maxConnectionsPerHost: workers))
        defer { client.shutdown() }
        let progress = ProgressLine()
        let dispatcher = Dispatcher(
            store: store, adapters: adapters, transport: client, settings: settings,
            logger: Logger(label: "loa.dispatch"), onProgress: { progress.show($0.line) })
        if !noServer {
            Terminal.info("note: the HTTP server (webhooks, resident pages) is not in this build yet; dispatching only")
        }
        if untilIdle {
            try await dispatcher.run(untilIdle: true)
        } else {
            let group = ServiceGroup(
                services: [dispatcher], gracefulShutdownSignals: [.sigterm, .sigint], logger: Logger(label: "loa"))
            try await group.run()
        }
        progress.finish()
        let totals = dispatcher.progress
        Terminal.info("done: \(totals.line)")
    }
}
