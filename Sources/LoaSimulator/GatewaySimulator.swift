import Hummingbird
import Logging
import ServiceLifecycle
import Synchronization

/// The gateway simulator (SPEC §7): an HTTP server speaking the Zalo ZNS, eSMS and generic
/// webhook dialects, with the failures, callbacks and resident behaviour its options ask for.
///
/// ```swift
/// let simulator = GatewaySimulator(options: options)
/// let port = try await simulator.start()
/// // point channels at http://127.0.0.1:<port>, send, then:
/// _ = await simulator.waitUntilIdle()
/// print(simulator.stats[.zaloZNS].accepted)
/// await simulator.stop()
/// ```
public final class GatewaySimulator: Sendable {
    /// Why ``start()`` failed without an underlying error.
    public struct StartError: Error, Sendable, CustomStringConvertible {
        /// What happened.
        public var description: String
    }

    private struct Running {
        var task: Task<Void, Never>?
        var port: Int?
        /// The in-process server's service group, which ``stop()`` shuts down gracefully.
        var group: ServiceGroup?
    }

    /// The options the simulator was created with.
    public let options: SimulatorOptions
    private let logger: Logger
    private let state = SimulatorState()
    private let running = Mutex(Running())

    /// Creates a simulator; nothing listens until ``start()`` or ``run(handlingSignals:onRunning:)``.
    public init(options: SimulatorOptions = SimulatorOptions(), logger: Logger? = nil) {
        self.options = options
        self.logger = logger ?? {
            var logger = Logger(label: "loa.simulator")
            logger.logLevel = .warning
            return logger
        }()
    }

    /// Starts serving in the background and returns the bound port; call ``stop()`` when done.
    /// Calling it again while running returns the same port; not meant to race with itself.
    public func start() async throws -> Int {
        let current = running.withLock { ($0.task != nil, $0.port) }
        if let port = current.1 { return port }
        if current.0 { throw StartError(description: "the simulator is already starting") }
        let (ports, announce) = AsyncThrowingStream.makeStream(of: Int.self)
        let task = Task {
            do {
                try await serve(handlingSignals: false) { announce.yield($0) }
                announce.finish()
            } catch {
                announce.finish(throwing: error)
            }
        }
        running.withLock { $0.task = task }
        do {
            for try await port in ports { return port }
            throw StartError(description: "the simulator stopped before it was listening")
        } catch {
            await stop()
            throw error
        }
    }

    /// Stops the server and cancels pending callbacks and visits; statistics are kept.
    ///
    /// The server shuts down gracefully rather than by cancellation: a connection accepted while the
    /// serving task is cancelled is never handed to the server and traps in SwiftNIO
    /// ("Deinited NIOAsyncWriter without calling finish()", apple/swift-nio#2637).
    public func stop() async {
        let (task, group) = running.withLock { running in
            defer { running = Running() }
            return (running.task, running.group)
        }
        guard let task else { return }
        if let group {
            await group.triggerGracefulShutdown()
            let waited = Task {
                try? await Task.sleep(for: .seconds(5))
                task.cancel()
            }
            await task.value
            waited.cancel()
        } else {
            task.cancel()
            await task.value
        }
    }

    /// Serves in the foreground until the task is cancelled or, with `handlingSignals`, until
    /// SIGTERM or SIGINT (for `loa simulate`); `onRunning` receives the bound port.
    public func run(
        handlingSignals: Bool = true, onRunning: @escaping @Sendable (Int) -> Void = { _ in }
    ) async throws {
        try await serve(handlingSignals: handlingSignals, onRunning: onRunning)
    }

    /// The bound port while serving.
    public var port: Int? {
        running.withLock { $0.port }
    }

    /// `http://<host>:<port>` while serving; point channels' `base_url` here.
    public var baseURL: String? {
        port.map { "http://\(options.host):\($0)" }
    }

    /// What the simulator has seen and done since creation or the last ``reset()``.
    public var stats: SimulatorStats {
        state.snapshot()
    }

    /// The statistics; without keys when `includingKeys` is false (they can be large).
    public func stats(includingKeys: Bool) -> SimulatorStats {
        state.snapshot(includeKeys: includingKeys)
    }

    /// Forgets statistics, keys, eSMS `RequestId`s and quota use; drops pending callbacks.
    public func reset() {
        state.reset()
    }

    /// Waits until no callback or visit is pending; false if `timeout` passed first.
    public func waitUntilIdle(timeout: Duration = .seconds(10)) async -> Bool {
        let deadline = ContinuousClock.now + timeout
        while state.pendingEvents > 0 {
            guard ContinuousClock.now < deadline, (try? await Task.sleep(for: .milliseconds(5))) != nil else {
                return false
            }
        }
        return true
    }

    private func serve(handlingSignals: Bool, onRunning: @escaping @Sendable (Int) -> Void) async throws {
        var serverLogger = logger
        if !handlingSignals {
            // In-process use stops by shutdown or, after 5 s, cancellation, which Hummingbird logs as
            // errors ("Already closed", "Waiting on child channel"); start() already throws real failures.
            serverLogger.logLevel = .critical
        }
        let scheduler = EventScheduler(state: state, options: options)
        let engine = SimulatorEngine(options: options, state: state, scheduler: scheduler)
        let app = Application(
            router: SimulatorRouter.make(engine: engine),
            configuration: ApplicationConfiguration(
                address: .hostname(options.host, port: options.port), serverName: "loa-simulator"),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? 0
                self.running.withLock { $0.port = port }
                onRunning(port)
            },
            logger: serverLogger)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await scheduler.run() }
            defer {
                scheduler.finish()
                group.cancelAll()
            }
            if handlingSignals {
                try await app.runService()
            } else {
                let services = ServiceGroup(
                    configuration: .init(services: [app], gracefulShutdownSignals: [], logger: serverLogger))
                running.withLock { $0.group = services }
                try await services.run()
            }
        }
    }
}
