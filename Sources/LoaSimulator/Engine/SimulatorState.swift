import Synchronization

/// The simulator's mutable bookkeeping behind one lock: statistics, idempotency keys, eSMS's
/// same-day `RequestId` register, ZNS quota use and id sequences.
final class SimulatorState: Sendable {
    private struct State {
        var stats: [GatewayDialect: DialectStats] = [:]
        var esmsRequestIDs: [String: Int] = [:]
        var znsQuotaDay = 0
        var znsQuotaUsed = 0
        var sequence = 0
        var generation = 0
        var pendingEvents = 0
        var openedLinks: [String: ResidentApp] = [:]
        var acknowledgedLinks: Set<String> = []
    }

    private let state = Mutex(State())

    /// Counts a send arriving with `key` (nil when it carried none) and returns how many times
    /// that key has now arrived (1 for a first send, or for a send without a key).
    func recordArrival(_ dialect: GatewayDialect, key: String?) -> Int {
        update(dialect) { stats in
            stats.sends += 1
            guard let key else { return 1 }
            let count = stats.keys[key, default: 0] + 1
            stats.keys[key] = count
            return count
        }
    }

    /// Adds `amount` to one counter of `dialect`.
    func add(_ counter: WritableKeyPath<DialectStats, Int>, _ dialect: GatewayDialect, _ amount: Int = 1) {
        update(dialect) { $0[keyPath: counter] += amount }
    }

    /// Counts a send refused with `code`.
    func reject(_ dialect: GatewayDialect, code: Int) {
        update(dialect) { $0.rejected[String(code), default: 0] += 1 }
    }

    /// A new number, unique for the simulator's lifetime (message ids are built from it).
    func nextSequence() -> Int {
        state.withLock { state in
            state.sequence += 1
            return state.sequence
        }
    }

    /// Registers an eSMS `RequestId` for `day`; false if it was already used that day.
    func claimESMSRequestID(_ id: String, day: Int) -> Bool {
        state.withLock { state in
            if state.esmsRequestIDs[id] == day { return false }
            state.esmsRequestIDs[id] = day
            return true
        }
    }

    /// Takes one ZNS message from the daily `quota` of `day`; returns what remains, or nil when
    /// the quota is used up.
    func takeZNSQuota(day: Int, quota: Int) -> Int? {
        state.withLock { state in
            if state.znsQuotaDay != day {
                state.znsQuotaDay = day
                state.znsQuotaUsed = 0
            }
            guard state.znsQuotaUsed < quota else { return nil }
            state.znsQuotaUsed += 1
            return quota - state.znsQuotaUsed
        }
    }

    /// How many ZNS messages `day`'s quota has given so far.
    func znsQuotaUsed(day: Int) -> Int {
        state.withLock { $0.znsQuotaDay == day ? $0.znsQuotaUsed : 0 }
    }

    /// Notes a resident link opened in `app` (the first app that opened it counts): a resident
    /// who got the notice on two channels has one link, so these count residents, not visits.
    func noteOpened(_ link: String, in app: ResidentApp) {
        state.withLock { state in
            if state.openedLinks[link] == nil { state.openedLinks[link] = app }
        }
    }

    /// Notes a resident link confirmed.
    func noteAcknowledged(_ link: String) {
        state.withLock { _ = $0.acknowledgedLinks.insert(link) }
    }

    /// Increments with every reset; scheduled events of an older generation are dropped.
    var generation: Int { state.withLock { $0.generation } }

    /// Notes that an event sequence was scheduled (`+1`) or finished (`-1`).
    func adjustPending(_ delta: Int) {
        state.withLock { $0.pendingEvents += delta }
    }

    /// Forgets pending events once the scheduler that held them has stopped.
    func clearPending() {
        state.withLock { $0.pendingEvents = 0 }
    }

    /// Callbacks and visits not yet finished.
    var pendingEvents: Int { state.withLock { $0.pendingEvents } }

    /// A copy of the statistics; `includeKeys: false` leaves the key lists out (they can be large).
    func snapshot(includeKeys: Bool = true) -> SimulatorStats {
        state.withLock { state in
            var dialects: [String: DialectStats] = [:]
            for (dialect, var stats) in state.stats {
                if !includeKeys { stats.keys = [:] }
                dialects[dialect.rawValue] = stats
            }
            var byApp: [String: Int] = [:]
            for app in state.openedLinks.values { byApp[app.rawValue, default: 0] += 1 }
            return SimulatorStats(
                dialects: dialects, pendingEvents: state.pendingEvents, residentsOpened: state.openedLinks.count,
                residentsAcknowledged: state.acknowledgedLinks.count,
                residentsReached: state.acknowledgedLinks.union(state.openedLinks.keys).count,
                residentsOpenedByApp: byApp)
        }
    }

    /// Forgets every statistic, key, `RequestId` and quota use; events already scheduled are dropped.
    func reset() {
        state.withLock { state in
            state.stats = [:]
            state.esmsRequestIDs = [:]
            state.znsQuotaUsed = 0
            state.openedLinks = [:]
            state.acknowledgedLinks = []
            state.generation += 1
        }
    }

    /// Runs `body` on the figures of `dialect` in place, under the lock.
    private func update<Result>(_ dialect: GatewayDialect, _ body: (inout DialectStats) -> Result) -> Result {
        state.withLock { body(&$0.stats[dialect, default: DialectStats()]) }
    }
}
