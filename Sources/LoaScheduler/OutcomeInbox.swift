import LoaStore
import Synchronization

/// Outcomes of finished sends waiting for the dispatch loop's next round, and the loop's wait for
/// enough of them.
///
/// The wait is checked under the same lock the senders append under, so a sender wakes the loop
/// exactly when the count it asked for is reached, and never for a count already taken. `kick()`
/// (the poll-interval ticker, a shutdown request) wakes the loop early; a kick with nobody waiting
/// ends the next wait at once, so none is lost.
final class OutcomeInbox: Sendable {
    private struct State {
        var outcomes: [DispatchOutcome] = []
        var waiter: CheckedContinuation<Void, Never>?
        var wakeAt = Int.max
        var kicked = false
    }

    private let state = Mutex(State())

    /// Adds a finished send's outcome, waking the loop if it now has what it waits for.
    func add(_ outcome: DispatchOutcome) {
        let waiter = state.withLock { state -> CheckedContinuation<Void, Never>? in
            state.outcomes.append(outcome)
            guard state.outcomes.count >= state.wakeAt else { return nil }
            state.wakeAt = Int.max
            defer { state.waiter = nil }
            return state.waiter
        }
        waiter?.resume()
    }

    /// Removes and returns every outcome waiting.
    func takeAll() -> [DispatchOutcome] {
        state.withLock { state in
            var taken: [DispatchOutcome] = []
            taken.reserveCapacity(state.outcomes.count)
            swap(&taken, &state.outcomes)
            return taken
        }
    }

    /// Returns once `count` outcomes are waiting, or at the next kick.
    func wait(forCount count: Int) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let resumeNow = state.withLock { state -> Bool in
                if state.kicked || state.outcomes.count >= count {
                    state.kicked = false
                    return true
                }
                state.waiter = continuation
                state.wakeAt = count
                return false
            }
            if resumeNow { continuation.resume() }
        }
    }

    /// Ends the current wait now, or the next one at once.
    func kick() {
        let waiter = state.withLock { state -> CheckedContinuation<Void, Never>? in
            guard let waiter = state.waiter else {
                state.kicked = true
                return nil
            }
            state.waiter = nil
            state.wakeAt = Int.max
            return waiter
        }
        waiter?.resume()
    }
}
