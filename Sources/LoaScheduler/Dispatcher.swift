import Foundation
import LoaChannels
import LoaCore
import LoaStore
import Logging
import ServiceLifecycle
import Synchronization

/// Claims due messages, sends them through their channel adapters with at most `workers` requests
/// in flight, and records every outcome; each round records and claims in one transaction.
public final class Dispatcher: Service, Sendable {
    let store: any Store
    let adapters: [String: any ChannelAdapter]
    let transport: any HTTPTransport
    private let settings: DispatchSettings
    private let planner: OutcomePlanner
    private let limiter: RateLimiter
    private let notices: NoticeCache
    let quota: QuotaBook
    private let finished = OutcomeInbox()
    private let stopRequested = Atomic<Bool>(false)
    private let totals = Mutex(DispatchProgress())
    let logger: Logger
    private let onProgress: @Sendable (DispatchProgress) -> Void
    private let onWaiting: @Sendable (IdleWait) -> Void

    /// `onWaiting` hears, with `run(untilIdle: true)`, what the run waits for while nothing can be
    /// sent: when the reasons change, and at most every 30 s otherwise.
    public init(
        store: any Store, adapters: [any ChannelAdapter], transport: any HTTPTransport, settings: DispatchSettings,
        logger: Logger = Logger(label: "loa.dispatch"), onProgress: @escaping @Sendable (DispatchProgress) -> Void = { _ in },
        onWaiting: @escaping @Sendable (IdleWait) -> Void = { _ in }
    ) {
        self.store = store
        self.adapters = Dictionary(adapters.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        self.transport = transport
        self.settings = settings
        self.planner = OutcomePlanner(backoff: settings.backoff, receiptTimeouts: settings.receiptTimeouts)
        var rates: [String: Double] = [:]
        for adapter in adapters { if let rate = adapter.config.rate { rates[adapter.name] = rate.perSecond } }
        self.limiter = RateLimiter(rates: rates)
        self.notices = NoticeCache(store: store)
        // ZNS replies carry the OA's quota left (gateways.md §1.2); other channels are not counted.
        self.quota = QuotaBook(channels: Set(adapters.filter { $0.config.kind == .zaloZNS }.map(\.name)))
        self.logger = logger
        self.onProgress = onProgress
        self.onWaiting = onWaiting
    }

    /// What this dispatcher has done so far.
    public var progress: DispatchProgress { totals.withLock { $0 } }

    /// Runs until cancelled or, on graceful shutdown (SIGTERM), until the requests in flight are
    /// recorded; claimed jobs not yet sent are handed back.
    public func run() async throws {
        try await withGracefulShutdownHandler {
            try await self.run(untilIdle: false)
        } onGracefulShutdown: {
            self.stopRequested.store(true, ordering: .relaxed)
            self.finished.kick()
        }
    }

    /// The dispatch loop; with `untilIdle` it returns once nothing is due, begun or in flight.
    ///
    /// `workers` senders take jobs from a queue; the loop keeps up to `claimAhead × workers` jobs
    /// claimed, and each round records what finished and claims more in one transaction.
    public func run(untilIdle: Bool) async throws {
        try await prepareChannels()
        let queue = JobQueue()
        let ahead = settings.claimAhead * settings.workers
        // Bounds every wait of the loop: one timer task for the whole run, not one per wait.
        let ticker = Task { [finished, pollInterval = settings.pollInterval] in
            while (try? await Task.sleep(for: pollInterval)) != nil { finished.kick() }
        }
        defer { ticker.cancel() }
        // A discarding group frees each finished sender at once; results travel through `finished`.
        try await withThrowingDiscardingTaskGroup { group in
            for _ in 0..<settings.workers {
                group.addTask { [self] in
                    while let job = await queue.next() {
                        finished.add(await perform(job))
                    }
                }
            }
            defer { queue.close() }
            var outstanding = 0
            var lastExpiry = Date.distantPast
            var lastReport = Date.distantPast
            var announcer = IdleAnnouncer()
            var lastWaitCheck = Date.distantPast
            while true {
                var outcomes = finished.takeAll()
                let now = Date()
                let stopping = Task.isCancelled || stopRequested.load(ordering: .relaxed)
                if stopping {
                    outcomes += queue.takeAll().map { Self.released($0, at: now) }
                }
                outstanding -= outcomes.count
                if now.timeIntervalSince(lastExpiry) >= 5 {
                    try await expire(now: now)
                    lastExpiry = now
                }
                let capacity = stopping ? 0 : ahead - outstanding
                let request = capacity > 0
                    ? ClaimRequest(now: now, limit: capacity, worker: settings.worker, lease: settings.lease,
                                   urgentOnly: settings.isQuiet(at: now))
                    : nil
                let jobs = try await store.dispatchRound(recording: outcomes, worker: settings.worker, claiming: request)
                if !quota.channels.isEmpty {
                    let changed = quota.changes(now: now, all: stopping)
                    if !changed.isEmpty { try await store.saveChannelQuotas(changed) }
                }
                outstanding += jobs.count
                queue.push(jobs)
                totals.withLock { totals in
                    for outcome in outcomes where outcome.attemptOutcome != "released" {
                        totals.count(outcome.attemptOutcome)
                    }
                    totals.claimed += jobs.count
                    for job in jobs where job.isResend { totals.resent += 1 }
                    totals.inFlight = outstanding
                    totals.rounds += 1
                }
                if now.timeIntervalSince(lastReport) >= 0.2 {
                    onProgress(progress)
                    lastReport = now
                }
                if stopping && outstanding == 0 { break }
                if jobs.isEmpty && outcomes.isEmpty {
                    if outstanding == 0, untilIdle {
                        guard let backlog = try await pendingBacklog() else { break }
                        // The reasons cost a query: looked at once a second, said far less often.
                        if now.timeIntervalSince(lastWaitCheck) >= 1 {
                            lastWaitCheck = now
                            let wait = try await idleWait(backlog, now: now)
                            if announcer.shouldSay(wait, at: now) { onWaiting(wait) }
                        }
                    }
                    await finished.wait(forCount: 1)
                } else if outstanding > 0 {
                    // A round costs a transaction (locks, a WAL append, two thread hops) whatever its
                    // size, so let up to `workers` sends finish first: the `claimAhead - 1` queued jobs
                    // per sender keep every sender busy meanwhile.
                    await finished.wait(forCount: min(settings.workers, outstanding))
                }
            }
        }
        onProgress(progress)
    }

    /// A claimed job handed back unsent: due again at once, on the same channel step.
    private static func released(_ job: DispatchJob, at now: Date) -> DispatchOutcome {
        DispatchOutcome(
            messageID: job.messageID, attemptID: job.attemptID, attemptOutcome: "released", state: nil,
            nextAt: now, channelStep: job.channelStep, attemptCount: job.attemptCount, finishedAt: now)
    }

    /// Ends the messages whose notice expired before a gateway took them, and counts them; queues
    /// the reminders that are due.
    private func expire(now: Date) async throws {
        _ = try await store.scheduleReminders(now: now)
        let expired = try await store.expireDue(now: now)
        if expired > 0 { totals.withLock { $0.expired += expired } }
    }

    /// What is left when `--until-idle` should go on waiting; nil when it may stop.
    private func pendingBacklog() async throws -> DispatchBacklog? {
        let now = Date()
        try await expire(now: now)
        let backlog = try await store.dispatchBacklog(now: now)
        if backlog.due > 0 && settings.isQuiet(at: now) {
            // Normal notices wait out the night; --until-idle does not wait with them.
            guard backlog.started > 0 || backlog.inFlight > 0 else {
                logger.info("quiet hours: \(backlog.due) messages wait for morning")
                return nil
            }
            return backlog
        }
        return backlog.due == 0 && backlog.started == 0 && backlog.inFlight == 0 ? nil : backlog
    }

    /// Why the run waits: receipts, retries and claims from the store, quiet hours from the clock.
    private func idleWait(_ backlog: DispatchBacklog, now: Date) async throws -> IdleWait {
        let quietEnd = backlog.due > 0 ? settings.quietEnd(after: now) : nil
        return IdleWait(
            waits: try await store.dispatchWaits(now: now), quiet: quietEnd == nil ? 0 : backlog.due, quietUntil: quietEnd)
    }

    /// Sends one job and plans its outcome; never throws, every failure is an outcome.
    func perform(_ job: DispatchJob) async -> DispatchOutcome {
        let notice: Notice
        do {
            guard let found = try await notices.notice(job.noticeID) else {
                return failure(job, SendError(.permanent, "notice \(job.noticeID) not found"), policy: nil)
            }
            notice = found
        } catch {
            return failure(job, SendError(.retryable, "store: \(error)"), policy: nil)
        }
        let policy = notice.draft.channels
        guard job.channelStep < policy.channels.count else {
            return failure(job, SendError(.permanent, "no channel step \(job.channelStep)"), policy: policy)
        }
        let name = policy.channels[job.channelStep]
        guard let adapter = adapters[name] else {
            return failure(job, SendError(.permanent, "no channel named '\(name)' is configured"), policy: policy)
        }
        let message = OutboundMessage(job: job, notice: notice, settings: settings)
        let priority = notice.draft.priority
        let counted = quota.channels.contains(name)
        if counted, let refusal = quotaRefusal(name) {
            return planner.plan(job, policy: policy, result: .failure(refusal), now: Date(), priority: priority)
        }
        if limiter.limits(name) {
            // SMS gateways count segments of the text the adapter will actually send: its registered
            // template or free text, folded or not; a message no template carries costs one try.
            let cost = adapter.config.kind.isSMS
                ? Double((try? SMSComposer.body(for: message, channel: adapter.config))?.info.segments ?? 1) : 1
            await limiter.acquire(name, cost: cost)
        }
        let result: Result<SendResult, SendError>
        do {
            result = .success(try await adapter.sendRenewingCredentials(message, over: transport))
        } catch {
            result = .failure(error)
        }
        if counted { quota.settle(name, result, now: Date()) }
        return planner.plan(job, policy: policy, result: result, now: Date(), priority: priority)
    }

    private func failure(_ job: DispatchJob, _ error: SendError, policy: ChannelPolicy?) -> DispatchOutcome {
        planner.plan(job, policy: policy ?? Self.unknownPolicy, result: .failure(error), now: Date())
    }

    /// Stands in when a job's notice cannot be read: one channel, so a failure ends the message.
    // A constant, valid channel name: this initialiser cannot throw here.
    private static let unknownPolicy = try! ChannelPolicy(["unknown"])
}
