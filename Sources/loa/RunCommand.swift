import ArgumentParser
import Foundation
import LoaChannels
import LoaConfig
import LoaCore
import LoaHTTP
import LoaScheduler
import LoaServer
import LoaStore
import Logging
import ServiceLifecycle

/// `loa run`: the scheduler, the dispatcher and the HTTP server in one process (SPEC §3, §5).
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Send due messages and serve webhooks, resident pages and the API, in one process.",
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
        if let path = global.configurationPath { FileModes.warnIfShared(config: path) }
        guard !configuration.channels.isEmpty else {
            throw UserError("no channels configured: add [[channels]] to \(configuration.source == "built-in defaults" ? "loa.toml" : configuration.source)")
        }
        MaskingLogHandler.secrets.withLock { secrets in
            secrets = configuration.channels.flatMap { $0.secrets.values.map(\.value) }
                + [configuration.server.hookSecret?.value, configuration.server.linkSecret?.value].compactMap { $0 }
        }
        let store = try await global.store()
        var server = noServer ? nil : ServerSetup(store: store, configuration: configuration, adapters: [])
        let adapters = try ChannelRegistry.adapters(for: configuration.channels) { server?.hookURLs(channel: $0) }
        var settings = DispatchSettings(configuration: configuration)
        settings.workers = workers
        settings.publicURL = configuration.server.publicURL
        do { settings.lease = try DurationText.parse(lease) } catch { throw UserError("--lease: \(error)") }
        let client = HTTPClient(configuration: .init(maxConnectionsPerHost: workers))
        defer { client.shutdown() }
        let keepers = try await ZaloTokens.connect(adapters, store: store, transport: client)
        server?.health = { keepers.health }
        let progress = ProgressLine()
        if noServer { warnNoHooks(configuration) }
        let zone = configuration.commune.timeZone
        let transport: any HTTPTransport = server.map { MeasuredTransport(client, metrics: $0.metrics) } ?? client
        let dispatcher = Dispatcher(
            store: store, adapters: adapters, transport: transport, settings: settings,
            logger: Logger(label: "loa.dispatch"), onProgress: { progress.show($0.line) },
            onWaiting: { progress.say($0.line(in: zone)) })
        var services: [ServiceGroupConfiguration.ServiceConfiguration] = [
            .init(
                service: untilIdle ? UntilIdle(dispatcher: dispatcher) as any Service : dispatcher,
                successTerminationBehavior: .gracefullyShutdownGroup)
        ]
        if !keepers.isEmpty { services.append(.init(service: keepers)) }
        if var server {
            server.dispatchTotals = {
                let totals = dispatcher.progress
                return [
                    "accepted": totals.accepted, "delivered": totals.delivered, "retried": totals.retried,
                    "fell_back": totals.fellBack, "failed": totals.failed, "deferred": totals.deferred,
                    "expired": totals.expired, "resent": totals.resent,
                ]
            }
            server.adapters = Dictionary(adapters.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
            if server.configuration.server.hookSecret == nil {
                Terminal.info("note: [server] hook_secret is not set; gateway callbacks are refused")
            }
            let listen = configuration.server.listen
            do {
                services.append(.init(service: try LoaServer.application(server, listen: listen) { port in
                    Terminal.info("serving on port \(port) (public URL \(configuration.server.publicURL))")
                }))
            } catch { throw UserError("[server] \(error)") }
        }
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(
                services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: Logger(label: "loa")))
        try await group.run()
        progress.finish()
        let totals = dispatcher.progress
        Terminal.info("done: \(totals.line)")
    }

    /// Says once, at start, that without the server no gateway can call this process back.
    private func warnNoHooks(_ configuration: LoaConfiguration) {
        var text = "warning: --no-server: this process serves no hooks, so delivery receipts, opens and replies "
            + "cannot arrive through it (only through another loa run that serves them)"
        if untilIdle, configuration.channels.contains(where: { $0.receiptTimeout != nil }) {
            text += "; --until-idle still waits out each receipt_timeout before falling back"
        }
        Terminal.info(text)
    }
}

/// The dispatcher run until nothing is due; its end stops the server too (`--until-idle`).
struct UntilIdle: Service {
    let dispatcher: Dispatcher

    func run() async throws {
        try await dispatcher.run(untilIdle: true)
    }
}
