import Glibc
import Synchronization

/// The listening socket, the accept thread and the bookkeeping shared with connection threads.
/// Threads hold this object, not ``TestHTTPServer``, so dropping the server shuts it down.
final class ServerCore: Sendable {
    private struct State {
        var openDescriptors: Set<Int32> = []
        var liveConnections = 0
        var acceptedConnections = 0
        var requests: [TestHTTPServer.Request] = []
        var acceptThread: pthread_t?
        var isShutDown = false
    }

    let port: Int
    let handler: TestHTTPServer.Handler
    private let listenFD: Int32
    private let wakeRead: Int32
    private let wakeWrite: Int32
    private let state = Mutex(State())
    private let stopping = Atomic<Bool>(false)

    init(handler: @escaping TestHTTPServer.Handler) throws {
        let (fd, port) = try Sockets.listenOnLoopback()
        var pipeEnds: [Int32] = [0, 0]
        guard pipe(&pipeEnds) == 0 else {
            close(fd)
            throw Sockets.Failure(call: "pipe2", code: errno)
        }
        self.listenFD = fd
        self.port = port
        self.handler = handler
        pipeEnds.forEach(Sockets.setCloseOnExec)
        self.wakeRead = pipeEnds[0]
        self.wakeWrite = pipeEnds[1]
        let thread = Sockets.startThread(detached: false) { [self] in acceptLoop() }
        state.withLock { $0.acceptThread = thread }
    }

    var isStopping: Bool { stopping.load(ordering: .relaxed) }

    var connectionCount: Int { state.withLock { $0.acceptedConnections } }

    var requests: [TestHTTPServer.Request] { state.withLock { $0.requests } }

    func record(_ request: TestHTTPServer.Request) {
        state.withLock { $0.requests.append(request) }
    }

    private func acceptLoop() {
        while !isStopping {
            var entries = [pollfd(fd: listenFD, events: Int16(POLLIN), revents: 0),
                           pollfd(fd: wakeRead, events: Int16(POLLIN), revents: 0)]
            guard poll(&entries, 2, -1) > 0, !isStopping else { continue }
            guard entries[0].revents & Int16(POLLIN) != 0 else { continue }
            let fd = accept(listenFD, nil, nil)
            guard fd >= 0 else { continue }
            Sockets.setCloseOnExec(fd)
            Sockets.setNoDelay(fd)
            let number = state.withLock { state -> Int? in
                guard !state.isShutDown else { return nil }
                state.openDescriptors.insert(fd)
                state.liveConnections += 1
                state.acceptedConnections += 1
                return state.acceptedConnections
            }
            guard let number else {
                close(fd)
                continue
            }
            Sockets.startThread(detached: true) { [self] in
                var connection = ServerConnection(fd: fd, number: number, core: self)
                connection.run()
                finishConnection(fd)
            }
        }
    }

    private func finishConnection(_ fd: Int32) {
        // Closing under the lock keeps `shutdown` from hitting a reused descriptor number.
        state.withLock { state in
            state.openDescriptors.remove(fd)
            state.liveConnections -= 1
            close(fd)
        }
    }

    func shutdown() {
        let thread = state.withLock { state -> pthread_t?? in
            guard !state.isShutDown else { return nil }
            state.isShutDown = true
            return .some(state.acceptThread.take())
        }
        guard let thread else { return }
        stopping.store(true, ordering: .relaxed)
        var byte: UInt8 = 1
        _ = write(wakeWrite, &byte, 1)
        if let thread { pthread_join(thread, nil) }
        // Wakes connection threads blocked in recv or send; each then closes its own descriptor.
        state.withLock { state in
            for fd in state.openDescriptors { Glibc.shutdown(fd, Int32(SHUT_RDWR)) }
        }
        let deadline = ContinuousClock.now + .seconds(5)
        while state.withLock({ $0.liveConnections }) > 0 && ContinuousClock.now < deadline {
            usleep(1_000)
        }
        close(listenFD)
        close(wakeRead)
        close(wakeWrite)
    }

    static func closeDescriptor(_ fd: Int32) {
        close(fd)
    }
}
