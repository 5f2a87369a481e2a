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

    @Test("A response's header block parses into fields", arguments: [
        ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nX-Id:  7 \t\r\n\r\n",
         [["Content-Type", "application/json"], ["X-Id", "7"]]),
        ("HTTP/2 429\r\nretry-after: 3\r\nVia: a\r\nvia: b\r\n\r\n",
         [["retry-after", "3"], ["Via", "a"], ["via", "b"]]),
        ("HTTP/1.1 200 OK\nEmpty:\nno colon here\nTime: 10:20:30\n\n",
         [["Empty", ""], ["Time", "10:20:30"]]),
        ("", []),
    ])
    func responseBlock(block: String, expected: [[String]]) {
        let headers = HTTPHeaders(responseBlock: Array(block.utf8))
        #expect(headers.map { [$0.name, $0.value] } == expected)
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
