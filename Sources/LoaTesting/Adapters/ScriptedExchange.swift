import LoaHTTP

/// One request a test expects an adapter to send, and what the fake gateway answers.
public struct ScriptedExchange: Sendable {
    /// What the fake gateway does with the request.
    public enum Reply: Sendable {
        case response(HTTPResponse)
        /// A transport failure such as a timeout: no response at all.
        case failure(HTTPClientError)
    }

    public var expected: ExpectedRequest
    public var reply: Reply

    public init(expected: ExpectedRequest, reply: Reply) {
        self.expected = expected
        self.reply = reply
    }
}

/// The parts of a request a test pins down.
public struct ExpectedRequest: Sendable {
    /// How the body is compared.
    public enum Body: Sendable {
        /// Parsed as JSON and compared by meaning.
        case json(JSONValue)
        /// Compared byte for byte as UTF-8 text.
        case text(String)
    }

    public var method: HTTPRequest.Method
    public var url: String
    /// Headers that must be present with exactly this value; a nil value means "must be absent".
    /// Other headers are not checked.
    public var headers: [String: String?]
    /// Nil leaves the body unchecked.
    public var body: Body?

    public init(method: HTTPRequest.Method, url: String, headers: [String: String?] = [:], body: Body? = nil) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }

    /// Every way `request` differs from the expectation; empty when it matches.
    public func mismatches(_ request: HTTPRequest) -> [String] {
        var problems: [String] = []
        if request.method != method {
            problems.append("method \(request.method), expected \(method)")
        }
        if request.url != url {
            problems.append("URL \(request.url), expected \(url)")
        }
        for (name, expected) in headers.sorted(by: { $0.key < $1.key }) {
            let actual = request.headers[name]
            switch (expected, actual) {
            case (nil, let actual?): problems.append("header \(name): \(actual), expected none")
            case (let expected?, nil): problems.append("header \(name) missing, expected \(expected)")
            case (let expected?, let actual?) where expected != actual:
                problems.append("header \(name): \(actual), expected \(expected)")
            default: break
            }
        }
        let bytes = request.body ?? []
        switch body {
        case nil:
            break
        case .text(let text):
            let actual = String(decoding: bytes, as: UTF8.self)
            if actual != text { problems.append("body \(actual), expected \(text)") }
        case .json(let expected):
            if let actual = JSONValue.parse(bytes) {
                problems += actual.differences(from: expected).map { "JSON " + $0 }
            } else {
                problems.append("body is not JSON: \(String(decoding: bytes, as: UTF8.self))")
            }
        }
        return problems
    }
}
