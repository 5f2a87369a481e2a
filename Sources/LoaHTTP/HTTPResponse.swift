/// A complete HTTP response: any status code counts as a response, only transport failures throw.
public struct HTTPResponse: Sendable {
    /// Where the time of one exchange went, as measured by libcurl from the start of the transfer.
    public struct Timing: Sendable, Hashable {
        /// Until the TCP connection was established (zero when a connection was reused).
        public var connect: Duration
        /// Until the TLS handshake finished (zero for plain HTTP or a reused connection).
        public var tlsHandshake: Duration
        /// Until the first response byte arrived.
        public var firstByte: Duration
        /// The whole exchange.
        public var total: Duration

        /// Creates a timing record.
        public init(connect: Duration, tlsHandshake: Duration, firstByte: Duration, total: Duration) {
            self.connect = connect
            self.tlsHandshake = tlsHandshake
            self.firstByte = firstByte
            self.total = total
        }
    }

    /// The status code of the final response (an interim `100 Continue` is skipped).
    public var status: Int
    /// The header fields of the final response.
    public var headers: HTTPHeaders
    /// The body, after transfer decoding, exactly as long as the server sent it.
    public var body: [UInt8]
    /// Whether the exchange ran on a connection that was already open.
    public var reusedConnection: Bool
    /// The HTTP version the server answered with, e.g. `"1.1"` or `"2"`.
    public var httpVersion: String
    /// Where the time went.
    public var timing: Timing

    /// Creates a response (mainly for test doubles of transports).
    public init(
        status: Int,
        headers: HTTPHeaders = [:],
        body: [UInt8] = [],
        reusedConnection: Bool = false,
        httpVersion: String = "1.1",
        timing: Timing = Timing(connect: .zero, tlsHandshake: .zero, firstByte: .zero, total: .zero)
    ) {
        self.status = status
        self.headers = headers
        self.body = body
        self.reusedConnection = reusedConnection
        self.httpVersion = httpVersion
        self.timing = timing
    }

    /// Whether the status is in the 2xx range.
    public var isSuccess: Bool { (200..<300).contains(status) }

    /// The body decoded as UTF-8, with invalid sequences repaired.
    public var bodyText: String { String(decoding: body, as: UTF8.self) }
}
