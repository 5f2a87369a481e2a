/// An HTTP request to send with ``HTTPClient/send(_:)``.
public struct HTTPRequest: Sendable {
    /// An HTTP method token such as `GET` or `POST`.
    public struct Method: Sendable, Hashable, RawRepresentable, ExpressibleByStringLiteral, CustomStringConvertible {
        /// The method token as sent on the wire.
        public var rawValue: String

        /// Creates a method from its token.
        public init(rawValue: String) {
            self.rawValue = rawValue
        }

        /// Creates a method from a string literal.
        public init(stringLiteral value: String) {
            self.rawValue = value
        }

        /// The method token.
        public var description: String { rawValue }

        /// `GET`.
        public static let get: Method = "GET"
        /// `HEAD`.
        public static let head: Method = "HEAD"
        /// `POST`.
        public static let post: Method = "POST"
        /// `PUT`.
        public static let put: Method = "PUT"
        /// `PATCH`.
        public static let patch: Method = "PATCH"
        /// `DELETE`.
        public static let delete: Method = "DELETE"
    }

    /// The request method.
    public var method: Method
    /// The absolute `http://` or `https://` URL.
    public var url: String
    /// Header fields to send in addition to the ones libcurl adds (Host, Content-Length).
    public var headers: HTTPHeaders
    /// The request body, or `nil` for none. A body is sent as-is with a Content-Length.
    public var body: [UInt8]?
    /// The limit for the whole exchange, from the moment the request is handed to the client.
    public var timeout: Duration

    /// Creates a request.
    public init(
        method: Method = .get,
        url: String,
        headers: HTTPHeaders = [:],
        body: [UInt8]? = nil,
        timeout: Duration = .seconds(30)
    ) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.timeout = timeout
    }

    /// Creates a request whose body is the UTF-8 encoding of `body`.
    public init(
        method: Method,
        url: String,
        headers: HTTPHeaders = [:],
        body: String,
        timeout: Duration = .seconds(30)
    ) {
        self.init(method: method, url: url, headers: headers, body: Array(body.utf8), timeout: timeout)
    }

    /// The header lines to hand to libcurl, or an error message naming a malformed field.
    func curlHeaderLines() -> Result<[String], HTTPClientError> {
        var lines: [String] = []
        lines.reserveCapacity(headers.count + 2)
        for field in headers {
            if let problem = Self.problem(in: field) {
                return .failure(HTTPClientError(.invalidRequest, problem))
            }
            // libcurl reads "Name:" as "remove this header"; "Name;" sends it with an empty value.
            lines.append(field.value.isEmpty ? "\(field.name);" : "\(field.name): \(field.value)")
        }
        if body != nil || method == .post {
            // With POSTFIELDS libcurl adds a form Content-Type unless told otherwise, and for bodies
            // over 1 MiB an `Expect: 100-continue` that stalls up to a second on servers that never
            // answer it. An empty "Name:" line removes either.
            if !headers.contains("Content-Type") { lines.append("Content-Type:") }
            if !headers.contains("Expect") { lines.append("Expect:") }
        }
        return .success(lines)
    }

    private static func problem(in field: HTTPHeaders.Field) -> String? {
        let name = field.name.utf8
        if name.isEmpty || name.contains(where: { $0 <= 0x20 || $0 >= 0x7F || $0 == UInt8(ascii: ":") }) {
            return "invalid header name \"\(field.name)\""
        }
        if field.value.utf8.contains(where: { $0 == 0x0D || $0 == 0x0A || $0 == 0 }) {
            return "header \(field.name) contains a line break"
        }
        return nil
    }
}
