extension HTTPClient {
    /// Connection, timeout and safety limits shared by every request of one client.
    public struct Configuration: Sendable {
        /// The most connections open to one host at once; requests beyond it queue inside the
        /// client until a connection is free (HTTP/2 multiplexes many requests on one connection).
        public var maxConnectionsPerHost: Int
        /// How many idle connections the client keeps open for reuse, over all hosts. Defaults to
        /// four times `maxConnectionsPerHost`.
        public var maxIdleConnections: Int
        /// The limit for establishing a connection, including the TLS handshake.
        public var connectTimeout: Duration
        /// The largest response body accepted; a larger one fails with ``HTTPClientError/Kind/tooLarge``.
        public var maxResponseBodySize: Int
        /// Whether to offer HTTP/2 during the TLS handshake (plain `http://` always uses HTTP/1.1).
        public var allowHTTP2: Bool
        /// Whether TLS certificates and host names are verified. Only tests may turn this off.
        public var verifyTLS: Bool

        /// Creates a configuration; the defaults suit a gateway sender.
        public init(
            maxConnectionsPerHost: Int = 8,
            maxIdleConnections: Int? = nil,
            connectTimeout: Duration = .seconds(10),
            maxResponseBodySize: Int = 16 << 20,
            allowHTTP2: Bool = true,
            verifyTLS: Bool = true
        ) {
            self.maxConnectionsPerHost = max(1, maxConnectionsPerHost)
            self.maxIdleConnections = max(1, maxIdleConnections ?? 4 * self.maxConnectionsPerHost)
            self.connectTimeout = connectTimeout
            self.maxResponseBodySize = max(0, maxResponseBodySize)
            self.allowHTTP2 = allowHTTP2
            self.verifyTLS = verifyTLS
        }
    }
}

extension Duration {
    /// Whole milliseconds, rounded up so that a positive duration never becomes zero, which
    /// libcurl's `*_MS` options read as "no limit".
    var curlMilliseconds: Int {
        let (seconds, attoseconds) = components
        guard seconds >= 0, attoseconds >= 0 else { return 1 }
        let millis = seconds.multipliedReportingOverflow(by: 1000)
        guard !millis.overflow else { return Int.max }
        let fraction = (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
        return max(1, Int(millis.partialValue + fraction))
    }

    /// A duration from libcurl's microsecond counters.
    static func curlMicroseconds(_ value: Int64) -> Duration {
        .microseconds(value)
    }
}
