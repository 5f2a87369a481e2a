import CCurl
import LoaHTTP
import Testing

@testable import LoaHTTP

@Suite("HTTPHeaders and error classification")
struct HTTPHeadersTests {
    @Test("Lookup ignores ASCII case and keeps order and repeats")
    func lookup() {
        var headers: HTTPHeaders = ["Content-Type": "application/json", "Via": "a"]
        headers.add(name: "VIA", value: "b")
        #expect(headers["content-type"] == "application/json")
        #expect(headers.values(for: "via") == ["a", "b"])
        #expect(headers["Content-Typ"] == nil)
        #expect(headers["Content_Type"] == nil)
        headers.replaceOrAdd(name: "via", value: "c")
        #expect(headers.values(for: "Via") == ["c"])
        headers.remove("CONTENT-TYPE")
        #expect(headers.map(\.name) == ["via"])
    }

    @Test("Names differing only in non-letters do not match")
    func nonLetters() {
        #expect(!HTTPHeaders.namesMatch("X-A", "X\rA"))
        #expect(!HTTPHeaders.namesMatch("[", "{"))
        #expect(HTTPHeaders.namesMatch("x-request-id", "X-Request-ID"))
    }

    @Test("CURLcodes map to the documented kinds", arguments: [
        (CURLE_COULDNT_CONNECT, HTTPClientError.Kind.connect),
        (CURLE_COULDNT_RESOLVE_HOST, .dns),
        (CURLE_OPERATION_TIMEDOUT, .timeout),
        (CURLE_GOT_NOTHING, .reset),
        (CURLE_RECV_ERROR, .reset),
        (CURLE_SEND_ERROR, .reset),
        (CURLE_PARTIAL_FILE, .reset),
        (CURLE_HTTP2_STREAM, .reset),
        (CURLE_SSL_CONNECT_ERROR, .tls),
        (CURLE_PEER_FAILED_VERIFICATION, .tls),
        (CURLE_FILESIZE_EXCEEDED, .tooLarge),
        (CURLE_URL_MALFORMAT, .invalidRequest),
        (CURLE_OUT_OF_MEMORY, .other),
    ])
    func classification(code: CURLcode, kind: HTTPClientError.Kind) {
        #expect(HTTPClientError.kind(of: code) == kind)
        #expect(HTTPClientError(curlCode: code, detail: "").message.isEmpty == false)
    }

    @Test("Durations round up to whole milliseconds and never become 0")
    func milliseconds() {
        #expect(Duration.seconds(2).curlMilliseconds == 2000)
        #expect(Duration.microseconds(1).curlMilliseconds == 1)
        #expect(Duration.microseconds(1500).curlMilliseconds == 2)
        #expect(Duration.zero.curlMilliseconds == 1)
    }
}
