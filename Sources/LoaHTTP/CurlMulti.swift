import CCurl

/// The network thread's state: the multi handle's transfers and a pool of idle easy handles.
/// Only the thread started by ``CurlLoop`` creates and uses it.
final class CurlMulti {
    private let loop: CurlLoop
    private let multi: UnsafeMutableRawPointer
    private var active: [UnsafeMutableRawPointer: CurlTransfer] = [:]
    private var activeByID: [UInt64: UnsafeMutableRawPointer] = [:]
    private var idleHandles: [EasyHandle] = []
    private let maxIdleHandles: Int

    init(loop: CurlLoop) {
        self.loop = loop
        self.multi = loop.multi.raw
        self.maxIdleHandles = max(16, 2 * loop.configuration.maxIdleConnections)
        let configuration = loop.configuration
        // The connection cache otherwise defaults to 4× the handles currently added, so idle
        // keep-alive connections get closed whenever the queue drains (NOTES.md).
        _ = loa_multi_setopt_long(multi, CURLMOPT_MAXCONNECTS, configuration.maxIdleConnections)
        _ = loa_multi_setopt_long(multi, CURLMOPT_MAX_HOST_CONNECTIONS, configuration.maxConnectionsPerHost)
        _ = loa_multi_setopt_long(multi, CURLMOPT_PIPELINING, CURLPIPE_MULTIPLEX)
    }

    func run() {
        var batch = loop.takeBatch(orPrepareToPoll: false)
        while true {
            if let work = batch {
                if work.isShutDown {
                    abortAll(pending: work.submissions)
                    return
                }
                start(work.submissions)
                for id in work.cancellations { cancel(id) }
            }
            var running: Int32 = 0
            _ = curl_multi_perform(multi, &running)
            collectFinished()
            batch = loop.takeBatch(orPrepareToPoll: true)
            if batch == nil {
                // Returns early on socket activity, libcurl's own timers, or curl_multi_wakeup.
                _ = curl_multi_poll(multi, nil, 0, 1000, nil)
                batch = loop.takeBatch(orPrepareToPoll: false)
            }
        }
    }

    private func start(_ submissions: [Submission]) {
        for submission in submissions {
            let easy = idleHandles.popLast() ?? EasyHandle()
            guard let easy else {
                finish([(submission.id, submission.continuation,
                         .failure(HTTPClientError(.other, "curl_easy_init failed")))])
                continue
            }
            let transfer = CurlTransfer(submission: submission, easy: easy,
                                        configuration: loop.configuration)
            if let error = transfer.configure() {
                recycle(transfer)
                finish([(submission.id, submission.continuation, .failure(error))])
                continue
            }
            let code = curl_multi_add_handle(multi, easy.raw)
            guard code == CURLM_OK else {
                let message = curl_multi_strerror(code).map { String(cString: $0) } ?? "curl_multi_add_handle"
                recycle(transfer)
                finish([(submission.id, submission.continuation, .failure(HTTPClientError(.other, message)))])
                continue
            }
            active[easy.raw] = transfer
            activeByID[submission.id] = easy.raw
        }
    }

    private func cancel(_ id: UInt64) {
        guard let raw = activeByID[id], let transfer = detach(raw) else { return }
        let error = HTTPClientError(.cancelled, "request cancelled")
        recordConnections(of: transfer)
        recycle(transfer)
        finish([(id, transfer.continuation, .failure(error))])
    }

    private func collectFinished() {
        var done: [(UInt64, CurlLoop.Continuation, Result<CurlResponse, HTTPClientError>)] = []
        var remaining: Int32 = 0
        while let message = curl_multi_info_read(multi, &remaining) {
            guard message.pointee.msg == CURLMSG_DONE, let raw = message.pointee.easy_handle else { continue }
            let code = message.pointee.data.result
            guard let transfer = detach(raw) else { continue }
            recordConnections(of: transfer)
            done.append((transfer.id, transfer.continuation, transfer.result(code: code)))
            recycle(transfer)
        }
        finish(done)
    }

    private func abortAll(pending: [Submission]) {
        var done: [(UInt64, CurlLoop.Continuation, Result<CurlResponse, HTTPClientError>)] = []
        for raw in Array(active.keys) {
            guard let transfer = detach(raw) else { continue }
            done.append((transfer.id, transfer.continuation, .failure(CurlLoop.shutDownError)))
            transfer.releaseRequestResources()
        }
        for submission in pending {
            done.append((submission.id, submission.continuation, .failure(CurlLoop.shutDownError)))
        }
        finish(done)
        idleHandles.removeAll()
    }

    /// Removes a transfer from the multi handle and the lookup tables.
    private func detach(_ raw: UnsafeMutableRawPointer) -> CurlTransfer? {
        guard let transfer = active.removeValue(forKey: raw) else { return nil }
        activeByID[transfer.id] = nil
        _ = curl_multi_remove_handle(multi, raw)
        return transfer
    }

    private func recordConnections(of transfer: CurlTransfer) {
        loop.recordConnections(transfer.newConnections())
    }

    private func recycle(_ transfer: CurlTransfer) {
        transfer.releaseRequestResources()
        if idleHandles.count < maxIdleHandles { idleHandles.append(transfer.easy) }
    }

    private func finish(_ done: [(UInt64, CurlLoop.Continuation, Result<CurlResponse, HTTPClientError>)]) {
        loop.retire(done.map(\.0))
        for (_, continuation, result) in done {
            continuation.resume(returning: result)
        }
    }

    private typealias Submission = CurlLoop.Submission
}
