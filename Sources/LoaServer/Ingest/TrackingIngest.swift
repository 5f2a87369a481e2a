import LoaStore
import Synchronization

/// Group commit for gateway callbacks: concurrent hooks share one store transaction.
///
/// A callback waits while the previous transaction commits, then goes in the next one with every
/// callback that arrived meanwhile; its request is answered only after that transaction committed,
/// so "recorded before the 200 goes out" holds. Under light load a batch is one callback and
/// nothing waits for a timer; under heavy load one commit (one fsync) serves many requests.
final class TrackingIngest: Sendable {
    private struct Pending {
        let batch: TrackingBatch
        let continuation: CheckedContinuation<[TrackingResult], any Error>
    }

    private struct State {
        var queue: [Pending] = []
        var committing = false
    }

    private let store: any Store
    private let maxBatch: Int
    private let state = Mutex(State())

    /// `maxBatch` bounds the callbacks in one transaction (and so the wait of the first of them).
    init(store: any Store, maxBatch: Int = 256) {
        self.store = store
        self.maxBatch = max(1, maxBatch)
    }

    /// Applies one callback's events; returns once they are committed.
    func apply(_ batch: TrackingBatch) async throws -> [TrackingResult] {
        try await withCheckedThrowingContinuation { continuation in
            let starts = state.withLock { state in
                state.queue.append(Pending(batch: batch, continuation: continuation))
                guard !state.committing else { return false }
                state.committing = true
                return true
            }
            if starts {
                Task { await self.drain() }
            }
        }
    }

    /// Commits queued callbacks batch after batch until the queue is empty.
    private func drain() async {
        while true {
            let next: [Pending] = state.withLock { state in
                guard !state.queue.isEmpty else {
                    state.committing = false
                    return []
                }
                let count = min(state.queue.count, maxBatch)
                let taken = Array(state.queue.prefix(count))
                state.queue.removeFirst(count)
                return taken
            }
            if next.isEmpty { return }
            await commit(next)
        }
    }

    private func commit(_ pending: [Pending]) async {
        do {
            let results = try await store.applyTracking(pending.map(\.batch))
            for (item, result) in zip(pending, results) { item.continuation.resume(returning: result) }
            return
        } catch where pending.count == 1 {
            pending[0].continuation.resume(throwing: error)
            return
        } catch {
            // The transaction rolled back as a whole: retry each callback on its own so that one
            // that cannot be stored does not fail the others.
        }
        for item in pending {
            do {
                item.continuation.resume(returning: try await store.applyTracking([item.batch])[0])
            } catch {
                item.continuation.resume(throwing: error)
            }
        }
    }
}
