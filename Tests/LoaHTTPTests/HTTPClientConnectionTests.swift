import LoaHTTP
import LoaTesting
import Testing

@Suite("HTTPClient connections and throughput")
struct HTTPClientConnectionTests {
    @Test("Sequential requests reuse one keep-alive connection")
    func keepAlive() async throws {
        try await withServer({ _ in .json(200, "{}") }) { server, client in
            var reused: [Bool] = []
            for _ in 0..<5 {
                reused.append(try await client.send(HTTPRequest(url: server.url("/"))).reusedConnection)
            }
            #expect(reused == [false, true, true, true, true])
            #expect(server.connectionCount == 1)
            #expect(client.connectionsOpened == 1)
            #expect(Set(server.requests.map(\.connection)) == [1])
        }
    }

    @Test("500 requests, 50 in flight, all succeed on at most maxConnectionsPerHost connections")
    func boundedConcurrency() async throws {
        let configuration = HTTPClient.Configuration(maxConnectionsPerHost: 6)
        try await withServer(configuration: configuration, { .echo($0) }) { server, client in
            let total = 500
            let inFlight = 50
            let mismatches = try await withThrowingTaskGroup(of: Bool.self) { group in
                func add(_ index: Int) {
                    group.addTask {
                        let body = #"{"n":\#(index)}"#
                        let response = try await client.send(
                            HTTPRequest(method: .post, url: server.url("/echo/\(index)"),
                                        headers: ["Content-Type": "application/json"], body: body))
                        return response.status == 200 && response.bodyText == body
                    }
                }
                for index in 0..<inFlight { add(index) }
                var next = inFlight
                var mismatches = 0
                for try await matched in group {
                    if !matched { mismatches += 1 }
                    if next < total {
                        add(next)
                        next += 1
                    }
                }
                return mismatches
            }
            #expect(mismatches == 0)
            #expect(server.requestCount == total)
            #expect(server.connectionCount <= 6)
            #expect(client.connectionsOpened == server.connectionCount)
        }
    }

    @Test("An 8 MiB body arrives intact")
    func largeBody() async throws {
        let size = 8 << 20
        let expected = TestHTTPServer.pattern(byteCount: size)
        try await withServer({ _ in .large(byteCount: size) }) { server, client in
            let response = try await client.send(HTTPRequest(url: server.url("/large")))
            #expect(response.status == 200)
            #expect(response.body.count == size)
            let body = response.body
            #expect(try await onOwnThread { checksum(body) == checksum(expected) })
            #expect(response.body == expected)
        }
    }

    @Test("An 8 MiB request body is sent intact without waiting for 100-continue")
    func largeUpload() async throws {
        let size = 8 << 20
        let payload = TestHTTPServer.pattern(byteCount: size)
        try await withServer({ request in .text(200, String(checksum(request.body))) }) { server, client in
            let response = try await client.send(HTTPRequest(method: .post, url: server.url("/upload"), body: payload))
            #expect(response.bodyText == (try await onOwnThread { String(checksum(payload)) }))
            #expect(server.requests.first?.header("Expect") == nil)
            #expect(server.requests.first?.header("Content-Length") == String(size))
        }
    }

    @Test("A response exactly at the body limit is accepted")
    func bodyAtLimit() async throws {
        let configuration = HTTPClient.Configuration(maxResponseBodySize: 100_000)
        try await withServer(configuration: configuration, { _ in .large(byteCount: 100_000) }) { server, client in
            let response = try await client.send(HTTPRequest(url: server.url("/")))
            #expect(response.body.count == 100_000)
        }
    }
}
