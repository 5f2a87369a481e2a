import Glibc

/// Serves one accepted socket: reads requests, asks the handler, writes answers, until either
/// side closes or the server stops.
struct ServerConnection {
    private static let maxHeadSize = 64 * 1024
    private let fd: Int32
    private let number: Int
    private let core: ServerCore
    private var buffer: [UInt8] = []
    private var scratch = [UInt8](repeating: 0, count: 64 * 1024)

    init(fd: Int32, number: Int, core: ServerCore) {
        self.fd = fd
        self.number = number
        self.core = core
    }

    mutating func run() {
        while !core.isStopping {
            guard let (request, clientKeepsAlive) = readRequest() else { return }
            core.record(request)
            let response = core.handler(request)
            guard wait(response.delay) else { return }
            let keepAlive = clientKeepsAlive && !response.asksToClose && !core.isStopping
            guard write(response, headOnly: request.method == "HEAD", keepAlive: keepAlive), keepAlive else {
                return
            }
        }
    }

    // MARK: Reading

    private mutating func readRequest() -> (TestHTTPServer.Request, keepAlive: Bool)? {
        var headEnd: Int?
        while headEnd == nil {
            // A request line starts with a method token; anything else (e.g. a TLS ClientHello)
            // gets a 400 at once instead of waiting for a blank line that never comes.
            if let first = buffer.first, !(UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(first) {
                return reject(400)
            }
            headEnd = Self.endOfHead(in: buffer)
            if headEnd == nil {
                if buffer.count > Self.maxHeadSize { return reject(431) }
                guard fill() else { return nil }
            }
        }
        let head = String(decoding: buffer[..<headEnd!], as: UTF8.self)
        buffer.removeFirst(headEnd! + 4)
        var lines = head.split(separator: "\r\n", omittingEmptySubsequences: false).map(String.init)
        let parts = lines.removeFirst().split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard parts.count == 3, parts[2].hasPrefix("HTTP/1.") else { return reject(400) }
        var fields: [TestHTTPServer.Request.Field] = []
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { return reject(400) }
            let value = line[line.index(after: colon)...].trimmingCharacters(in: " \t")
            fields.append(.init(name: String(line[..<colon]), value: value))
        }
        var request = TestHTTPServer.Request(method: parts[0], target: parts[1], version: parts[2],
                                             headers: fields, body: [], connection: number)
        if request.header("Expect")?.lowercased() == "100-continue" {
            guard Sockets.sendAll(fd, Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)) else { return nil }
        }
        if request.header("Transfer-Encoding")?.lowercased().contains("chunked") == true {
            guard let body = readChunkedBody() else { return nil }
            request.body = body
        } else if let text = request.header("Content-Length") {
            guard let length = Int(text), length >= 0 else { return reject(400) }
            while buffer.count < length {
                guard fill() else { return nil }
            }
            request.body = Array(buffer[..<length])
            buffer.removeFirst(length)
        }
        let connection = request.header("Connection")?.lowercased()
        let keepAlive = request.version == "HTTP/1.0" ? connection == "keep-alive" : connection != "close"
        return (request, keepAlive)
    }

    private mutating func readChunkedBody() -> [UInt8]? {
        var body: [UInt8] = []
        while true {
            guard let line = readLine(), let size = Int(line.prefix { $0 != ";" }, radix: 16) else { return nil }
            if size == 0 {
                while let trailer = readLine(), !trailer.isEmpty {}
                return body
            }
            while buffer.count < size + 2 {
                guard fill() else { return nil }
            }
            body.append(contentsOf: buffer[..<size])
            buffer.removeFirst(size + 2)
        }
    }

    private mutating func readLine() -> String? {
        while true {
            if let end = buffer.indices.dropLast().first(where: { buffer[$0] == 0x0D && buffer[$0 + 1] == 0x0A }) {
                defer { buffer.removeFirst(end + 2) }
                return String(decoding: buffer[..<end], as: UTF8.self)
            }
            guard buffer.count < Self.maxHeadSize, fill() else { return nil }
        }
    }

    private static func endOfHead(in bytes: [UInt8]) -> Int? {
        guard bytes.count >= 4 else { return nil }
        for index in 0...(bytes.count - 4)
        where bytes[index] == 0x0D && bytes[index + 1] == 0x0A && bytes[index + 2] == 0x0D && bytes[index + 3] == 0x0A {
            return index
        }
        return nil
    }

    /// Reads more bytes into `buffer`; false on end of stream or error.
    private mutating func fill() -> Bool {
        while true {
            let count = scratch.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count > 0 {
                buffer.append(contentsOf: scratch[..<count])
                return true
            }
            if count < 0 && errno == EINTR { continue }
            return false
        }
    }

    private func reject<T>(_ status: Int) -> T? {
        _ = write(TestHTTPServer.Response.text(status, "bad request"), headOnly: false, keepAlive: false)
        return nil
    }

    // MARK: Writing

    /// Sleeps in short slices so that `shutdown` is never held up by a delayed answer.
    private func wait(_ delay: Duration) -> Bool {
        let deadline = ContinuousClock.now + delay
        while ContinuousClock.now < deadline {
            if core.isStopping { return false }
            usleep(2_000)
        }
        return !core.isStopping
    }

    /// Writes the answer; false when the connection must close afterwards.
    private func write(_ response: TestHTTPServer.Response, headOnly: Bool, keepAlive: Bool) -> Bool {
        let body = response.body
        switch response.delivery {
        case .drop:
            return false
        case .normal, .afterContinue:
            var bytes = response.head(contentLength: body.count, keepAlive: keepAlive)
            if response.delivery == .afterContinue {
                bytes = Array("HTTP/1.1 100 Continue\r\nX-Interim: yes\r\n\r\n".utf8) + bytes
            }
            if headOnly { return Sockets.sendAll(fd, bytes) }
            if body.count <= 64 * 1024 {
                bytes += body
                return Sockets.sendAll(fd, bytes)
            }
            return Sockets.sendAll(fd, bytes) && Sockets.sendAll(fd, body)
        case .chunked:
            guard Sockets.sendAll(fd, response.head(contentLength: nil, keepAlive: keepAlive)) else { return false }
            if headOnly { return true }
            var offset = 0
            while offset < body.count {
                let end = min(offset + 64 * 1024, body.count)
                let chunk = Array(String(end - offset, radix: 16).utf8) + [0x0D, 0x0A] + body[offset..<end] + [0x0D, 0x0A]
                guard Sockets.sendAll(fd, chunk) else { return false }
                offset = end
            }
            return Sockets.sendAll(fd, Array("0\r\n\r\n".utf8))
        case .closeMidBody:
            _ = Sockets.sendAll(fd, response.head(contentLength: body.count, keepAlive: false)
                + body.prefix(body.count / 2))
            return false
        }
    }
}

private extension Substring {
    func trimmingCharacters(in set: String) -> String {
        let skip = Set(set)
        var text = self
        while let first = text.first, skip.contains(first) { text.removeFirst() }
        while let last = text.last, skip.contains(last) { text.removeLast() }
        return String(text)
    }
}
