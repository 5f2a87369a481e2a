/// A real HTTP/1.1 server on 127.0.0.1 for tests, answering every request through a closure.
///
/// ```swift
/// let server = try TestHTTPServer { request in
///     switch request.path {
///     case "/slow": .json(200, #"{"ok":true}"#).delayed(by: .seconds(2))
///     case "/drop": .drop
///     default: .echo(request)
///     }
/// }
/// defer { server.shutdown() }
/// // send to server.url("/slow"), then inspect server.requests and server.connectionCount
/// ```
///
/// Each accepted connection gets its own thread; connections are kept alive (HTTP/1.1 rules).
/// The handler runs on those threads, so it must be quick and thread-safe.
public final class TestHTTPServer: Sendable {
    /// Decides the answer to one request.
    public typealias Handler = @Sendable (Request) -> Response

    private let core: ServerCore

    /// Starts a server on an ephemeral loopback port that answers with `handler`.
    public init(_ handler: @escaping Handler) throws {
        core = try ServerCore(handler: handler)
    }

    /// Starts a server that answers every request with `200 {"ok":true}`.
    public convenience init() throws {
        try self.init { _ in .json(200, #"{"ok":true}"#) }
    }

    deinit {
        core.shutdown()
    }

    /// The port the server listens on.
    public var port: Int { core.port }

    /// `http://127.0.0.1:<port>`, without a trailing slash.
    public var baseURL: String { "http://127.0.0.1:\(core.port)" }

    /// The absolute URL of `path` (which should start with `/`) on this server.
    public func url(_ path: String) -> String {
        baseURL + path
    }

    /// How many TCP connections the server has accepted.
    public var connectionCount: Int { core.connectionCount }

    /// How many complete requests the server has read.
    public var requestCount: Int { core.requests.count }

    /// Every complete request read so far, in arrival order.
    public var requests: [Request] { core.requests }

    /// Stops accepting, closes every connection (interrupting delayed answers) and waits for the
    /// server's threads to finish. Safe to call more than once.
    public func shutdown() {
        core.shutdown()
    }

    /// A loopback port that nothing listens on (it was bound and released), for "connection
    /// refused" tests.
    public static func closedPort() throws -> Int {
        let (fd, port) = try Sockets.listenOnLoopback(backlog: 1)
        ServerCore.closeDescriptor(fd)
        return port
    }
}
