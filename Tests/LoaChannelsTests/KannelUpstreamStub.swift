import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// A minimal HTTP/1.x listener on a fixed loopback port, for the two URLs Kannel's configuration
/// must name before any test runs: the HTTP SMSC's `send-url` and the `sms-service` `get-url`.
///
/// `TestHTTPServer` picks an ephemeral port, which a configuration written by `scripts/test`
/// cannot know; so `scripts/lib/kannel.sh` reserves `LOA_KANNEL_UPSTREAM_STUB_PORT` and this
/// listener takes it. One request per connection (`Connection: close`); GET only, no bodies.
final class KannelUpstreamStub: Sendable {
    /// The answer to one request target (path and query).
    typealias Handler = @Sendable (String) -> (status: Int, body: String)

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    private let fd: Int32
    private let handler: Handler
    private let received = Mutex<[String]>([])
    private let stopped = Atomic<Bool>(false)

    /// Listens on `127.0.0.1:port` and answers with `handler` on a thread of its own.
    init(port: Int, handler: @escaping Handler) throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "socket: errno \(errno)") }
        var one: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 16) == 0 else {
            let code = errno
            close(fd)
            throw Failure(description: "cannot listen on 127.0.0.1:\(port): errno \(code)")
        }
        self.fd = fd
        self.handler = handler
        Thread.detachNewThread { [self] in acceptLoop() }
    }

    deinit {
        shutdown()
    }

    /// Every request target received so far, in order.
    var targets: [String] { received.withLock { $0 } }

    /// Stops listening; safe to call more than once.
    func shutdown() {
        guard !stopped.exchange(true, ordering: .sequentiallyConsistent) else { return }
        // Wakes the blocked accept() (EINVAL) before the descriptor goes.
        _ = Glibc.shutdown(fd, Int32(SHUT_RDWR))
        close(fd)
    }

    private func acceptLoop() {
        while !stopped.load(ordering: .sequentiallyConsistent) {
            let client = accept(fd, nil, nil)
            if client < 0 {
                if errno == EINTR { continue }
                return
            }
            serve(client)
            close(client)
        }
    }

    private func serve(_ client: Int32) {
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var head: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while head.count < 65_536, !head.ends(with: Array("\r\n\r\n".utf8)) {
            let count = recv(client, &buffer, buffer.count, 0)
            guard count > 0 else { return }
            head += buffer[0..<count]
        }
        let requestLine = String(decoding: head.prefix { $0 != UInt8(ascii: "\r") }, as: UTF8.self)
        let parts = requestLine.split(separator: " ")
        guard parts.count >= 2 else { return }
        let target = String(parts[1])
        received.withLock { $0.append(target) }
        let (status, body) = handler(target)
        let bytes = Array(body.utf8)
        let reply = "HTTP/1.1 \(status) \(status == 200 ? "OK" : "Status")\r\nContent-Type: text/plain\r\n"
            + "Content-Length: \(bytes.count)\r\nConnection: close\r\n\r\n"
        let all = Array(reply.utf8) + bytes
        var sent = 0
        while sent < all.count {
            let count = all[sent...].withUnsafeBytes { send(client, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard count > 0 else { return }
            sent += count
        }
    }
}

extension Array where Element == UInt8 {
    fileprivate func ends(with suffix: [UInt8]) -> Bool {
        count >= suffix.count && Array(self[(count - suffix.count)...]) == suffix
    }
}
