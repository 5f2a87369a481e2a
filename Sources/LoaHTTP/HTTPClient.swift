import Synchronization

/// An HTTP/1.1 and HTTP/2 client over libcurl's multi interface with keep-alive connection reuse.
///
/// One dedicated OS thread owns every libcurl handle; `send` only queues the request and suspends,
/// so no cooperative thread ever blocks on the network. Call ``shutdown()`` when done (or drop the
/// last reference): it fails queued and running requests with ``HTTPClientError/Kind/cancelled``
/// and stops the thread.
public final class HTTPClient: Sendable {
    /// The configuration the client was created with.
    public let configuration: Configuration
    private let loop: CurlLoop
    private let nextID = Atomic<UInt64>(1)

    /// Creates a client and starts its network thread.
    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
        self.loop = CurlLoop(configuration: configuration)
    }

    deinit {
        loop.shutdown()
    }

    /// Sends `request` and returns the response, whatever its status code.
    ///
    /// Cancelling the calling task aborts the exchange promptly and throws
    /// ``HTTPClientError/Kind/cancelled``.
    public func send(_ request: HTTPRequest) async throws(HTTPClientError) -> HTTPResponse {
        let headerList = try CurlHeaderList(for: request)
        let id = nextID.wrappingAdd(1, ordering: .relaxed).oldValue
        let result = await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                loop.submit(CurlLoop.Submission(
                    id: id, request: request, headerList: headerList, continuation: continuation))
            }
        } onCancel: {
            loop.cancel(id)
        }
        if Task.isCancelled {
            loop.forgetCancellation(of: id)
        }
        var received = try result.get()
        received.response.headers = HTTPHeaders(responseBlock: received.headerBlock)
        return received.response
    }

    /// The number of connections the client has opened so far (not counting reuses).
    public var connectionsOpened: Int {
        loop.connectionsOpened
    }

    /// Fails every pending request with ``HTTPClientError/Kind/cancelled``, closes all connections
    /// and waits for the network thread to exit. Later calls to `send` fail the same way.
    public func shutdown() {
        loop.shutdown()
    }
}
