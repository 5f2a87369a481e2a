import LoaHTTP
import LoaTesting
import Testing

@Suite("HTTPClient round trips")
struct HTTPClientRoundTripTests {
    @Test("GET returns status, headers and body")
    func getRoundTrip() async throws {
        try await withServer({ request in
            var response = TestHTTPServer.Response.json(200, #"{"ok":true,"path":"\#(request.path)"}"#)
            response.headers += [("Set-Cookie", "a=1"), ("set-cookie", "b=2"), ("X-Trace", "abc")]
            return response
        }) { server, client in
            let response = try await client.send(HTTPRequest(url: server.url("/status?id=7")))
            #expect(response.status == 200)
            #expect(response.bodyText == #"{"ok":true,"path":"/status"}"#)
            #expect(response.headers["content-type"] == "application/json")
            #expect(response.headers["X-TRACE"] == "abc")
            #expect(response.headers.values(for: "Set-Cookie") == ["a=1", "b=2"])
            #expect(response.httpVersion == "1.1")
            #expect(!response.reusedConnection)
            #expect(response.timing.total > .zero)

            let seen = try #require(server.requests.first)
            #expect(seen.method == "GET")
            #expect(seen.target == "/status?id=7")
            #expect(seen.queryItems.map(\.value) == ["7"])
            #expect(seen.body.isEmpty)
        }
    }

    @Test("An interim 100 Continue is skipped: status and headers are the final response's")
    func interimResponse() async throws {
        try await withServer({ _ in
            var response = TestHTTPServer.Response.json(201, #"{"id":1}"#).delivered(.afterContinue)
            response.headers.append(("Retry-After", "5"))
            return response
        }) { server, client in
            let response = try await client.send(HTTPRequest(method: .post, url: server.url("/"), body: Array("{}".utf8)))
            #expect(response.status == 201)
            #expect(response.headers["X-Interim"] == nil)
            #expect(response.headers["Retry-After"] == "5")
            #expect(response.headers["Content-Type"] == "application/json")
            #expect(response.bodyText == #"{"id":1}"#)
        }
    }

    @Test("POST sends the body and headers exactly, and the echo comes back")
    func postRoundTrip() async throws {
        try await withServer({ .echo($0) }) { server, client in
            let json = #"{"to":"84901234567","text":"Thông báo: cúp nước 8h–11h"}"#
            let request = HTTPRequest(
                method: .post, url: server.url("/send"),
                headers: HTTPHeaders([("Content-Type", "application/json"), ("Authorization", "Bearer t0k3n"),
                                      ("X-Multi", "one"), ("X-Multi", "two"), ("X-Empty", "")]),
                body: json)
            let response = try await client.send(request)
            #expect(response.status == 200)
            #expect(response.bodyText == json)
            #expect(response.headers["Content-Type"] == "application/json")

            let seen = try #require(server.requests.first)
            #expect(seen.method == "POST")
            #expect(seen.path == "/send")
            #expect(seen.bodyText == json)
            #expect(seen.header("authorization") == "Bearer t0k3n")
            #expect(seen.headerValues("X-Multi") == ["one", "two"])
            #expect(seen.header("X-Empty") == "")
            #expect(seen.header("Content-Length") == String(json.utf8.count))
            #expect(seen.header("Expect") == nil)
        }
    }

    @Test("Binary bodies with NUL bytes survive, and no form Content-Type is invented")
    func binaryBody() async throws {
        try await withServer({ .echo($0) }) { server, client in
            let bytes: [UInt8] = [0, 1, 2, 0, 255, 0x0D, 0x0A, 0]
            let response = try await client.send(HTTPRequest(method: .post, url: server.url("/bin"), body: bytes))
            #expect(response.body == bytes)
            #expect(server.requests.first?.header("Content-Type") == nil)
        }
    }

    @Test("PUT, PATCH, DELETE and HEAD use their method; an empty POST sends Content-Length 0")
    func otherMethods() async throws {
        try await withServer({ request in .text(200, request.method) }) { server, client in
            let put = try await client.send(HTTPRequest(method: .put, url: server.url("/r"), body: "x=1"))
            let patch = try await client.send(HTTPRequest(method: .patch, url: server.url("/r"), body: "y"))
            let delete = try await client.send(HTTPRequest(method: .delete, url: server.url("/r")))
            let head = try await client.send(HTTPRequest(method: .head, url: server.url("/r")))
            let post = try await client.send(HTTPRequest(method: .post, url: server.url("/r")))
            #expect([put, patch, delete, post].map(\.bodyText) == ["PUT", "PATCH", "DELETE", "POST"])
            #expect(head.status == 200 && head.body.isEmpty)
            #expect(server.requests.map(\.method) == ["PUT", "PATCH", "DELETE", "HEAD", "POST"])
            #expect(server.requests.map(\.bodyText) == ["x=1", "y", "", "", ""])
            #expect(server.requests.last?.header("Content-Length") == "0")
        }
    }

    @Test("Non-2xx statuses are responses, not errors")
    func errorStatus() async throws {
        try await withServer({ _ in .json(503, #"{"error":"busy"}"#) }) { server, client in
            let response = try await client.send(HTTPRequest(url: server.url("/")))
            #expect(response.status == 503)
            #expect(!response.isSuccess)
            #expect(response.bodyText == #"{"error":"busy"}"#)
        }
    }

    @Test("Chunked responses are decoded")
    func chunkedResponse() async throws {
        try await withServer({ _ in .large(byteCount: 200_000).delivered(.chunked) }) { server, client in
            let response = try await client.send(HTTPRequest(url: server.url("/chunked")))
            #expect(response.body == TestHTTPServer.pattern(byteCount: 200_000))
            #expect(response.headers["Transfer-Encoding"] == "chunked")
        }
    }
}
