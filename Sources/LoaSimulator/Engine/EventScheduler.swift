import LoaHTTP

/// Runs the simulator's delayed work (callbacks, resident visits) off the request path: handlers
/// hand over a job and answer at once; ``run()`` executes every job as a child task, so stopping
/// the simulator cancels all of them, sleeping or not.
final class EventScheduler: Sendable {
    typealias Job = @Sendable () async -> Void

    /// The client that carries every callback and link visit.
    let client: HTTPClient
    private let state: SimulatorState
    private let jobs: AsyncStream<Job>
    private let inbox: AsyncStream<Job>.Continuation

    init(state: SimulatorState, options: SimulatorOptions) {
        self.state = state
        // Callbacks go to one or two receivers (Loa's server, a test server); allow enough
        // connections that a slow receiver does not serialise every callback behind one.
        self.client = HTTPClient(configuration: .init(
            maxConnectionsPerHost: 16, connectTimeout: min(options.callbackTimeout, .seconds(5))))
        (jobs, inbox) = AsyncStream.makeStream(of: Job.self)
    }

    /// Queues `job`; it counts as pending until it returns.
    func schedule(_ job: @escaping Job) {
        state.adjustPending(1)
        if case .terminated = inbox.yield(job) {
            state.adjustPending(-1)
        }
    }

    /// Executes queued jobs until ``finish()`` is called or the task is cancelled.
    func run() async {
        await withDiscardingTaskGroup { group in
            for await job in jobs {
                group.addTask { [state] in
                    await job()
                    state.adjustPending(-1)
                }
            }
        }
        // Cancellation ends the loop with jobs still queued; they will never run.
        finish()
        state.clearPending()
        client.shutdown()
    }

    /// Stops accepting jobs; ``run()`` returns once the running ones end.
    func finish() {
        inbox.finish()
    }

    /// Sleeps for `duration`; false if the task was cancelled meanwhile.
    static func pause(_ duration: Duration) async -> Bool {
        if duration > .zero {
            try? await Task.sleep(for: duration)
        }
        return !Task.isCancelled
    }
}
