import CCurl
import Glibc
import Synchronization

/// The thread-safe side of the client: the inbox that callers fill, the wakeup, and the network
/// thread that drains it. Everything else lives in ``CurlMulti``, which only that thread touches.
final class CurlLoop: Sendable {
    typealias Continuation = CheckedContinuation<Result<CurlResponse, HTTPClientError>, Never>

    /// A request waiting for the network thread.
    struct Submission: Sendable {
        let id: UInt64
        let request: HTTPRequest
        let headerList: CurlHeaderList
        let continuation: Continuation
    }

    /// What the network thread takes from the inbox in one go.
    struct Batch {
        var submissions: [Submission]
        var cancellations: [UInt64]
        var isShutDown: Bool
    }

    private struct Inbox {
        var submissions: [Submission] = []
        var cancellations: [UInt64] = []
        /// Ids handed to the network thread whose continuation has not been resumed yet.
        var live: Set<UInt64> = []
        /// Ids cancelled before `submit` ran; `submit` fails them at once.
        var cancelledEarly: Set<UInt64> = []
        /// Set by the network thread right before it sleeps in `curl_multi_poll`; whoever clears
        /// it owes one `curl_multi_wakeup`. Saves a syscall per request while the loop is busy.
        var loopIsPolling = false
        var isShutDown = false
    }

    /// libcurl's multi handle. `@unchecked Sendable` is safe because other threads only ever call
    /// `curl_multi_wakeup` on it, the one multi function libcurl documents as thread-safe, and the
    /// handle is freed in `deinit`, after the network thread has exited.
    struct MultiHandle: @unchecked Sendable {
        let raw: UnsafeMutableRawPointer
    }

    private static let globalInit: Void = {
        // curl_global_init is not thread-safe in libcurl 7.88; Swift runs this initializer once.
        _ = curl_global_init(loa_curl_global_default)
    }()

    let multi: MultiHandle
    let configuration: HTTPClient.Configuration
    private let inbox = Mutex(Inbox())
    private let thread = Mutex<pthread_t?>(nil)
    private let opened = Atomic<Int>(0)

    init(configuration: HTTPClient.Configuration) {
        Self.globalInit
        guard let raw = curl_multi_init() else { fatalError("curl_multi_init failed (out of memory)") }
        self.multi = MultiHandle(raw: raw)
        self.configuration = configuration
        let id = spawnThread { [self] in
            CurlMulti(loop: self).run()
        }
        thread.withLock { $0 = id }
    }

    deinit {
        curl_multi_cleanup(multi.raw)
    }

    var connectionsOpened: Int { opened.load(ordering: .relaxed) }

    func recordConnections(_ count: Int) {
        if count > 0 { opened.add(count, ordering: .relaxed) }
    }

    // MARK: Called from any thread

    func submit(_ submission: Submission) {
        enum Outcome { case queued(wake: Bool), cancelled, shutDown }
        let outcome = inbox.withLock { inbox -> Outcome in
            if inbox.isShutDown { return .shutDown }
            if inbox.cancelledEarly.remove(submission.id) != nil { return .cancelled }
            inbox.submissions.append(submission)
            inbox.live.insert(submission.id)
            defer { inbox.loopIsPolling = false }
            return .queued(wake: inbox.loopIsPolling)
        }
        switch outcome {
        case .queued(let wake):
            if wake { curl_multi_wakeup(multi.raw) }
        case .cancelled:
            submission.continuation.resume(returning: .failure(HTTPClientError(.cancelled, "request cancelled")))
        case .shutDown:
            submission.continuation.resume(returning: .failure(Self.shutDownError))
        }
    }

    func cancel(_ id: UInt64) {
        let wake = inbox.withLock { inbox -> Bool in
            guard inbox.live.contains(id) else {
                inbox.cancelledEarly.insert(id)
                return false
            }
            inbox.cancellations.append(id)
            defer { inbox.loopIsPolling = false }
            return inbox.loopIsPolling
        }
        if wake { curl_multi_wakeup(multi.raw) }
    }

    /// Drops the record a late cancellation handler may have left for an already finished request.
    func forgetCancellation(of id: UInt64) {
        _ = inbox.withLock { $0.cancelledEarly.remove(id) }
    }

    func shutdown() {
        let first = inbox.withLock { inbox -> Bool in
            defer { inbox.isShutDown = true }
            return !inbox.isShutDown
        }
        guard first else { return }
        curl_multi_wakeup(multi.raw)
        guard let id = thread.withLock({ $0.take() }) else { return }
        if pthread_equal(id, pthread_self()) != 0 {
            pthread_detach(id)
        } else {
            pthread_join(id, nil)
        }
    }

    static let shutDownError = HTTPClientError(.cancelled, "HTTPClient has been shut down")

    // MARK: Called from the network thread

    /// Takes everything queued, or returns `nil` and marks the loop as polling when there is
    /// nothing to do, in which case the caller must sleep in `curl_multi_poll` next.
    func takeBatch(orPrepareToPoll: Bool) -> Batch? {
        inbox.withLock { inbox -> Batch? in
            if inbox.submissions.isEmpty && inbox.cancellations.isEmpty && !inbox.isShutDown {
                if orPrepareToPoll { inbox.loopIsPolling = true }
                return nil
            }
            inbox.loopIsPolling = false
            defer {
                inbox.submissions.removeAll(keepingCapacity: true)
                inbox.cancellations.removeAll(keepingCapacity: true)
            }
            return Batch(submissions: inbox.submissions, cancellations: inbox.cancellations,
                         isShutDown: inbox.isShutDown)
        }
    }

    /// Marks requests as finished; call before resuming their continuations.
    func retire(_ ids: [UInt64]) {
        guard !ids.isEmpty else { return }
        inbox.withLock { inbox in
            for id in ids { inbox.live.remove(id) }
        }
    }
}

/// Starts a joinable POSIX thread running `body`.
private func spawnThread(_ body: @escaping @Sendable () -> Void) -> pthread_t {
    final class Box {
        let body: @Sendable () -> Void
        init(_ body: @escaping @Sendable () -> Void) { self.body = body }
    }
    let context = Unmanaged.passRetained(Box(body)).toOpaque()
    var id = pthread_t()
    let status = pthread_create(&id, nil, { context in
        Unmanaged<Box>.fromOpaque(context!).takeRetainedValue().body()
        return nil
    }, context)
    guard status == 0 else { fatalError("pthread_create failed: \(status)") }
    return id
}
