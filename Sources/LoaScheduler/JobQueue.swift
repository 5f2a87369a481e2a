import LoaStore
import Synchronization

/// Claimed jobs waiting for a free sender, first in first out. Claiming a little ahead keeps every
/// sender busy while the loop's next database round runs; a job that waits here has not been sent,
/// so a crash can never make it a re-send.
final class JobQueue: Sendable {
    private struct State {
        var jobs: [DispatchJob] = []
        var head = 0
        var waiters: [CheckedContinuation<DispatchJob?, Never>] = []
        var closed = false

        var count: Int { jobs.count - head }

        mutating func pop() -> DispatchJob? {
            guard head < jobs.count else { return nil }
            defer {
                head += 1
                if head >= 256 && head * 2 >= jobs.count {
                    jobs.removeFirst(head)
                    head = 0
                }
            }
            return jobs[head]
        }
    }

    private let state = Mutex(State())

    /// How many jobs wait for a sender.
    var count: Int { state.withLock { $0.count } }

    /// Adds jobs, handing them straight to idle senders first.
    func push(_ jobs: [DispatchJob]) {
        let handed = state.withLock { state -> [(CheckedContinuation<DispatchJob?, Never>, DispatchJob)] in
            var handed: [(CheckedContinuation<DispatchJob?, Never>, DispatchJob)] = []
            var rest = jobs[...]
            while !state.waiters.isEmpty, let job = rest.popFirst() {
                handed.append((state.waiters.removeFirst(), job))
            }
            state.jobs.append(contentsOf: rest)
            return handed
        }
        for (waiter, job) in handed { waiter.resume(returning: job) }
    }

    /// The next job, waiting for one if none is queued; nil once closed.
    func next() async -> DispatchJob? {
        await withCheckedContinuation { (continuation: CheckedContinuation<DispatchJob?, Never>) in
            let ready = state.withLock { state -> DispatchJob?? in
                if let job = state.pop() { return .some(job) }
                if state.closed { return .some(nil) }
                state.waiters.append(continuation)
                return nil
            }
            if let ready { continuation.resume(returning: ready) }
        }
    }

    /// Removes every waiting job (to hand its claim back on shutdown).
    func takeAll() -> [DispatchJob] {
        state.withLock { state in
            defer {
                state.jobs.removeAll()
                state.head = 0
            }
            return Array(state.jobs[state.head...])
        }
    }

    /// Ends `next()` for every sender.
    func close() {
        let waiters = state.withLock { state in
            state.closed = true
            defer { state.waiters.removeAll() }
            return state.waiters
        }
        for waiter in waiters { waiter.resume(returning: nil) }
    }
}
