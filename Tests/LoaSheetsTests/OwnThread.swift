import Foundation

/// Runs seconds-long synchronous work on a thread of its own: on Swift's cooperative threads (two
/// on a 2-core machine) it would stall every other test of the process, their in-process servers too.
func onOwnThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread.detachNewThread { continuation.resume(with: Result { try work() }) }
    }
}
