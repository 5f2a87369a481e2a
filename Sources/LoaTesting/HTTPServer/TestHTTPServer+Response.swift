extension TestHTTPServer {
    /// What the server does with one request: an answer, possibly delayed or broken on purpose.
    public struct Response: Sendable {
        /// How the answer is put on the wire.
        public enum Delivery: Sendable, Hashable {
            /// Status line, headers with Content-Length, body.
            case normal
            /// The body in chunked transfer coding, 64 KiB per chunk.
            case chunked
            /// Close the connection without writing anything.
            case drop
            /// Send the headers (announcing the full length) and half the body, then close.
            case closeMidBody
            /// An interim `100 Continue` with a header of its own, then the normal answer.
            case afterContinue
        }

        /// The status code.
        public var status: Int
        /// Header fields; Content-Length, Transfer-Encoding and Connection are added by the server.
        public var headers: [(name: String, value: String)]
        /// The body.
        public var body: [UInt8]
        /// How long to wait before answering.
        public var delay: Duration
        /// How the answer is put on the wire.
        public var delivery: Delivery

        /// Creates a response.
        public init(
            status: Int,
            headers: [(name: String, value: String)] = [],
            body: [UInt8] = [],
            delay: Duration = .zero,
            delivery: Delivery = .normal
        ) {
            self.status = status
            self.headers = headers
            self.body = body
            self.delay = delay
            self.delivery = delivery
        }

        /// A JSON answer.
        public static func json(_ status: Int, _ json: String) -> Response {
            Response(status: status, headers: [("Content-Type", "application/json")], body: Array(json.utf8))
        }

        /// A plain-text answer.
        public static func text(_ status: Int, _ text: String) -> Response {
            Response(status: status, headers: [("Content-Type", "text/plain; charset=utf-8")], body: Array(text.utf8))
        }

        /// `200` with the request's body and Content-Type.
        public static func echo(_ request: Request) -> Response {
            let type = request.header("Content-Type") ?? "application/octet-stream"
            return Response(status: 200, headers: [("Content-Type", type)], body: request.body)
        }

        /// `200` with `byteCount` bytes of ``TestHTTPServer/pattern(byteCount:)``.
        public static func large(byteCount: Int) -> Response {
            Response(status: 200, headers: [("Content-Type", "application/octet-stream")],
                     body: TestHTTPServer.pattern(byteCount: byteCount))
        }

        /// Close the connection without answering.
        public static var drop: Response {
            Response(status: 0, delivery: .drop)
        }

        /// The same response after waiting `delay`.
        public func delayed(by delay: Duration) -> Response {
            var copy = self
            copy.delay = delay
            return copy
        }

        /// The same response put on the wire with `delivery`.
        public func delivered(_ delivery: Delivery) -> Response {
            var copy = self
            copy.delivery = delivery
            return copy
        }

        /// Whether the handler asked for the connection to close after this response.
        var asksToClose: Bool {
            headers.contains { $0.name.lowercased() == "connection" && $0.value.lowercased() == "close" }
        }

        /// The status line and header block, ending with the blank line.
        func head(contentLength: Int?, keepAlive: Bool) -> [UInt8] {
            var text = "HTTP/1.1 \(status) \(Self.reason(status))\r\n"
            for (name, value) in headers where !Self.managed.contains(name.lowercased()) {
                text += "\(name): \(value)\r\n"
            }
            if let contentLength {
                text += "Content-Length: \(contentLength)\r\n"
            } else {
                text += "Transfer-Encoding: chunked\r\n"
            }
            text += keepAlive ? "Connection: keep-alive\r\n\r\n" : "Connection: close\r\n\r\n"
            return Array(text.utf8)
        }

        private static let managed: Set<String> = ["content-length", "transfer-encoding", "connection"]

        private static func reason(_ status: Int) -> String {
            switch status {
            case 200: "OK"
            case 201: "Created"
            case 202: "Accepted"
            case 204: "No Content"
            case 400: "Bad Request"
            case 401: "Unauthorized"
            case 403: "Forbidden"
            case 404: "Not Found"
            case 429: "Too Many Requests"
            case 500: "Internal Server Error"
            case 502: "Bad Gateway"
            case 503: "Service Unavailable"
            default: "Status"
            }
        }
    }

    /// Deterministic pseudo-random bytes (xorshift64), the body of ``Response/large(byteCount:)``;
    /// tests compare against it or a checksum of it.
    public static func pattern(byteCount: Int) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: byteCount) { buffer, initialized in
            let raw = UnsafeMutableRawBufferPointer(buffer)
            var state: UInt64 = 0x9E37_79B9_7F4A_7C15
            var offset = 0
            while offset < byteCount {
                state ^= state << 13
                state ^= state >> 7
                state ^= state << 17
                if byteCount - offset >= 8 {
                    raw.storeBytes(of: state.littleEndian, toByteOffset: offset, as: UInt64.self)
                    offset += 8
                } else {
                    for shift in 0..<(byteCount - offset) {
                        raw[offset + shift] = UInt8(truncatingIfNeeded: state >> (8 * UInt64(shift)))
                    }
                    offset = byteCount
                }
            }
            initialized = byteCount
        }
    }
}
