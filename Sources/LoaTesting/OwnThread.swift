import Foundation

/// Runs seconds-long synchronous work (a debug-build digest of megabytes, a wait for a child
/// process) on a thread of its own. On Swift's cooperative threads, two on a 2-core machine, it
/// would stall every other test of the process, the in-process servers they talk to included.
public func onOwnThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread.detachNewThread { continuation.resume(with: Result { try work() }) }
    }
}

/// How long a test waits for an in-process server's answer. Tests wait for answers, they do not
/// time them: at the start of a parallel run on 2 cores the Swift runtime's first protocol-
/// conformance lookups in this large test binary hold both cooperative threads for several
/// seconds, and an in-process server answers nothing meanwhile.
public let testAnswerTimeout: Duration = .seconds(60)
