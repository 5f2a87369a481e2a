extension TestHTTPServer {
    /// A request as the server received it.
    public struct Request: Sendable {
        /// One header field, with the case the client sent.
        public struct Field: Sendable, Hashable {
            /// The field name.
            public var name: String
            /// The field value, trimmed.
            public var value: String
        }

        /// The method token, e.g. `POST`.
        public var method: String
        /// The request target as sent, path and query, e.g. `/send?to=84901234567`.
        public var target: String
        /// The HTTP version from the request line, e.g. `HTTP/1.1`.
        public var version: String
        /// The header fields in order.
        public var headers: [Field]
        /// The body after removing any chunked transfer coding.
        public var body: [UInt8]
        /// Which accepted connection carried the request, counting from 1.
        public var connection: Int

        /// The target without its query string.
        public var path: String {
            String(target.prefix { $0 != "?" })
        }

        /// The query string without the `?`, or `nil`.
        public var query: String? {
            target.firstIndex(of: "?").map { String(target[target.index(after: $0)...]) }
        }

        /// The first value of the header called `name`, compared case-insensitively.
        public func header(_ name: String) -> String? {
            headers.first { $0.name.lowercased() == name.lowercased() }?.value
        }

        /// Every value of the header called `name`, compared case-insensitively.
        public func headerValues(_ name: String) -> [String] {
            headers.filter { $0.name.lowercased() == name.lowercased() }.map(\.value)
        }

        /// The body decoded as UTF-8.
        public var bodyText: String {
            String(decoding: body, as: UTF8.self)
        }

        /// The query's `name=value` pairs, percent-decoded (`+` read as a space).
        public var queryItems: [(name: String, value: String)] {
            guard let query, !query.isEmpty else { return [] }
            return query.split(separator: "&").map { pair in
                let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                let value = parts.count > 1 ? String(parts[1]) : ""
                return (Self.percentDecoded(String(parts[0])), Self.percentDecoded(value))
            }
        }

        static func percentDecoded(_ text: String) -> String {
            var bytes: [UInt8] = []
            var input = Array(text.utf8)[...]
            while let byte = input.popFirst() {
                if byte == UInt8(ascii: "+") {
                    bytes.append(0x20)
                } else if byte == UInt8(ascii: "%"), input.count >= 2,
                          let value = UInt8(String(decoding: input.prefix(2), as: UTF8.self), radix: 16) {
                    bytes.append(value)
                    input.removeFirst(2)
                } else {
                    bytes.append(byte)
                }
            }
            return String(decoding: bytes, as: UTF8.self)
        }
    }
}
