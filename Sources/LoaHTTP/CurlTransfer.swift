import CCurl

/// One request's easy-handle options, buffers and result, owned by the network thread.
final class CurlTransfer {
    let id: UInt64
    let easy: EasyHandle
    let continuation: CurlLoop.Continuation
    private let request: HTTPRequest
    private let configuration: HTTPClient.Configuration
    /// Handed to CURLOPT_HTTPHEADER, which does not copy it: kept until the transfer ends.
    private var headerList: CurlHeaderList?
    /// The final response's header lines as received; the caller parses them.
    private var headerBlock: [UInt8] = []
    private var body: [UInt8] = []
    private var bodyLimitExceeded = false

    init(submission: CurlLoop.Submission, easy: EasyHandle, configuration: HTTPClient.Configuration) {
        self.id = submission.id
        self.request = submission.request
        self.continuation = submission.continuation
        self.headerList = submission.headerList
        self.easy = easy
        self.configuration = configuration
    }

    /// Sets every option for this request on a freshly reset handle.
    func configure() -> HTTPClientError? {
        let handle = easy.raw
        curl_easy_reset(handle)
        easy.errorBuffer[0] = 0
        let context = Unmanaged.passUnretained(self).toOpaque()
        var failed: CURLcode? = nil
        func check(_ code: CURLcode) { if code != CURLE_OK && failed == nil { failed = code } }

        check(loa_easy_setopt_pointer(handle, CURLOPT_ERRORBUFFER, easy.errorBuffer))
        check(loa_easy_setopt_long(handle, CURLOPT_NOSIGNAL, 1))
        check(loa_easy_setopt_string(handle, CURLOPT_URL, request.url))
        check(loa_easy_setopt_string(handle, CURLOPT_PROTOCOLS_STR, "http,https"))
        let http2 = configuration.allowHTTP2
        check(loa_easy_setopt_long(handle, CURLOPT_HTTP_VERSION,
                                   http2 ? CURL_HTTP_VERSION_2TLS : CURL_HTTP_VERSION_1_1))
        if http2 && request.url.utf8.starts(with: "https:".utf8) {
            // Wait for a pending connection to reveal whether it multiplexes before opening another.
            check(loa_easy_setopt_long(handle, CURLOPT_PIPEWAIT, 1))
        }
        check(loa_easy_setopt_long(handle, CURLOPT_TIMEOUT_MS, request.timeout.curlMilliseconds))
        check(loa_easy_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS,
                                   configuration.connectTimeout.curlMilliseconds))
        check(loa_easy_setopt_long(handle, CURLOPT_SSL_VERIFYPEER, configuration.verifyTLS ? 1 : 0))
        check(loa_easy_setopt_long(handle, CURLOPT_SSL_VERIFYHOST, configuration.verifyTLS ? 2 : 0))
        check(loa_easy_setopt_off_t(handle, CURLOPT_MAXFILESIZE_LARGE,
                                    curl_off_t(configuration.maxResponseBodySize)))
        check(loa_easy_setopt_write_function(handle, CURLOPT_WRITEFUNCTION) { data, size, count, context in
            let transfer = Unmanaged<CurlTransfer>.fromOpaque(context!).takeUnretainedValue()
            return transfer.receiveBody(UnsafeRawBufferPointer(start: data, count: size * count))
        })
        check(loa_easy_setopt_pointer(handle, CURLOPT_WRITEDATA, context))
        check(loa_easy_setopt_write_function(handle, CURLOPT_HEADERFUNCTION) { data, size, count, context in
            let transfer = Unmanaged<CurlTransfer>.fromOpaque(context!).takeUnretainedValue()
            return transfer.receiveHeader(UnsafeRawBufferPointer(start: data, count: size * count))
        })
        check(loa_easy_setopt_pointer(handle, CURLOPT_HEADERDATA, context))
        configureMethodAndBody(check)
        if let list = headerList?.raw { check(loa_easy_setopt_pointer(handle, CURLOPT_HTTPHEADER, list)) }
        return failed.map { HTTPClientError(curlCode: $0, detail: easy.errorMessage) }
    }

    private func configureMethodAndBody(_ check: (CURLcode) -> Void) {
        let handle = easy.raw
        let method = request.method
        if method == .head {
            check(loa_easy_setopt_long(handle, CURLOPT_NOBODY, 1))
            return
        }
        if let body = request.body ?? (method == .post ? [] : nil) {
            // CURLOPT_POSTFIELDS keeps the caller's pointer; COPYPOSTFIELDS copies exactly
            // POSTFIELDSIZE bytes, so the size must be set first (binary bodies may contain NUL).
            check(loa_easy_setopt_off_t(handle, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.count)))
            if body.isEmpty {
                check(loa_easy_setopt_string(handle, CURLOPT_COPYPOSTFIELDS, ""))
            } else {
                body.withUnsafeBytes { bytes in
                    check(loa_easy_setopt_pointer(handle, CURLOPT_COPYPOSTFIELDS,
                                                  UnsafeMutableRawPointer(mutating: bytes.baseAddress)))
                }
            }
        }
        if method != .get && method != .post {
            check(loa_easy_setopt_string(handle, CURLOPT_CUSTOMREQUEST, method.rawValue))
        } else if method == .get && request.body != nil {
            check(loa_easy_setopt_string(handle, CURLOPT_CUSTOMREQUEST, "GET"))
        }
    }

    private func receiveBody(_ chunk: UnsafeRawBufferPointer) -> Int {
        guard body.count + chunk.count <= configuration.maxResponseBodySize else {
            // Any return value other than the chunk size makes libcurl fail with CURLE_WRITE_ERROR.
            bodyLimitExceeded = true
            return 0
        }
        if body.isEmpty {
            var length: curl_off_t = -1
            _ = loa_easy_getinfo_off_t(easy.raw, CURLINFO_CONTENT_LENGTH_DOWNLOAD_T, &length)
            if length > 0 { body.reserveCapacity(min(Int(length), configuration.maxResponseBodySize)) }
        }
        body.append(contentsOf: chunk)
        return chunk.count
    }

    /// libcurl calls this once per complete header line, including the status line and the
    /// blank line, for every response it reads (an interim `100 Continue` included): a status
    /// line starts the block again, so only the final response's lines are kept.
    private func receiveHeader(_ line: UnsafeRawBufferPointer) -> Int {
        if line.starts(with: "HTTP/".utf8) { headerBlock.removeAll(keepingCapacity: true) }
        headerBlock.append(contentsOf: line)
        return line.count
    }

    /// How many connections libcurl opened for this transfer (0 when it reused one).
    func newConnections() -> Int {
        var count = 0
        _ = loa_easy_getinfo_long(easy.raw, CURLINFO_NUM_CONNECTS, &count)
        return count
    }

    /// The outcome once libcurl reports the transfer done with `code`.
    func result(code: CURLcode) -> Result<CurlResponse, HTTPClientError> {
        if bodyLimitExceeded || code == CURLE_FILESIZE_EXCEEDED {
            return .failure(HTTPClientError(
                .tooLarge, "response body exceeds \(configuration.maxResponseBodySize) bytes",
                curlCode: Int(code.rawValue)))
        }
        guard code == CURLE_OK else {
            return .failure(HTTPClientError(curlCode: code, detail: easy.errorMessage))
        }
        let handle = easy.raw
        var status = 0
        var version = 0
        _ = loa_easy_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        _ = loa_easy_getinfo_long(handle, CURLINFO_HTTP_VERSION, &version)
        func micros(_ info: CURLINFO) -> Duration {
            var value: curl_off_t = 0
            _ = loa_easy_getinfo_off_t(handle, info, &value)
            return .microseconds(value)
        }
        let timing = HTTPResponse.Timing(
            connect: micros(CURLINFO_CONNECT_TIME_T), tlsHandshake: micros(CURLINFO_APPCONNECT_TIME_T),
            firstByte: micros(CURLINFO_STARTTRANSFER_TIME_T), total: micros(CURLINFO_TOTAL_TIME_T))
        let response = HTTPResponse(
            status: status, body: body, reusedConnection: newConnections() == 0,
            httpVersion: Self.versionName(version), timing: timing)
        body = []
        return .success(CurlResponse(response: response, headerBlock: headerBlock))
    }

    private static func versionName(_ version: Int) -> String {
        switch version {
        case CURL_HTTP_VERSION_1_0: "1.0"
        case CURL_HTTP_VERSION_2_0: "2"
        case CURL_HTTP_VERSION_3: "3"
        default: "1.1"
        }
    }

    /// Frees what libcurl borrowed for this request; the handle itself is reused.
    func releaseRequestResources() {
        headerList = nil
    }
}

/// A response as the network thread hands it over; the caller parses the header block, so that
/// work stays off the one thread every request passes through.
struct CurlResponse: Sendable {
    var response: HTTPResponse
    var headerBlock: [UInt8]
}

/// An easy handle and the error buffer libcurl writes its detailed messages into.
final class EasyHandle {
    let raw: UnsafeMutableRawPointer
    let errorBuffer: UnsafeMutablePointer<CChar>

    init?() {
        guard let raw = curl_easy_init() else { return nil }
        self.raw = raw
        errorBuffer = .allocate(capacity: loa_curl_error_size)
        errorBuffer.initialize(repeating: 0, count: loa_curl_error_size)
    }

    deinit {
        curl_easy_cleanup(raw)
        errorBuffer.deallocate()
    }

    var errorMessage: String {
        String(cString: errorBuffer).trimmingTrailingNewline()
    }
}

private extension String {
    func trimmingTrailingNewline() -> String {
        var text = Substring(self)
        while text.last?.isNewline == true { text.removeLast() }
        return String(text)
    }
}
