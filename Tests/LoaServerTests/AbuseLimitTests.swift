import Foundation
import GRDB
import Glibc
import LoaHTTP
import Testing

@testable import LoaStore

/// The server under abuse and under a commune's real peak: failed sign-ins are limited per address,
/// a whole commune opening its links from one NAT address is not, `/metrics` is for this machine or
/// staff tokens, both status pages come from a cache, and a client that sends half a request head
/// is cut off by the idle timeout.
@Suite("Abuse limits", .serialized)
struct AbuseLimitTests {
    @Test
    func failedSignInsAreLimitedPerAddress() async throws {
        // Two failures a minute, so the bucket refills only every 30 s: a loaded test machine taking
        // seconds per sign-in cannot earn the next try back before the checks below (at the default
        // 10 a minute, one came back every 6 s and a full test pass let the 11th guess through).
        let server = try await ServerHarness.start(extraChannels: "[limits]\nlogin_per_minute = 2")
        let token = try await SessionClient.token(server, .admin, label: "limits-admin")
        var guesser = try await SessionClient(server)
        for attempt in 1...2 {
            let response = try await guesser.signIn("loa_guess_\(attempt)")
            #expect(response.status == 401, "attempt \(attempt)")
        }
        let limited = try await guesser.signIn("loa_guess_3")
        #expect(limited.status == 429)
        #expect(Int(limited.headers["Retry-After"] ?? "") ?? 0 >= 1)
        var same = try await SessionClient(server)
        let refused = try await same.signIn(token)
        #expect(refused.status == 429, "the right token from the same address waits too")
        #expect(try await same.get("/audit").status == 303, "no session was made: back to the sign-in page")
        let elsewhere = try await server.request(
            .post, "/login", headers: ["X-Real-IP": "203.0.113.9", "Content-Type": "application/x-www-form-urlencoded"],
            body: Array("token=loa_guess".utf8))
        #expect(elsewhere.status != 429, "another address behind the proxy is not limited")
        await server.stop()
    }

    @Test
    func aWholeCommuneOpeningItsLinksFromOneAddressIsNotLimited() async throws {
        let server = try await ServerHarness.start()
        let link = try await server.token("Nguyễn Văn An")
        let statuses = try await withThrowingTaskGroup(of: [Int].self) { group in
            for worker in 0..<8 {
                group.addTask {
                    var seen: [Int] = []
                    for _ in stride(from: worker, to: 5000, by: 8) {
                        seen.append(try await server.request(.get, "/m/\(link)").status)
                        seen.append(try await server.request(.get, "/m/\(link)/s.css", headers: ["User-Agent": "Zalo android/12"]).status)
                    }
                    return seen
                }
            }
            return try await group.reduce(into: [Int]()) { $0 += $1 }
        }
        #expect(statuses.count == 10_000)
        #expect(!statuses.contains(429), "\(statuses.filter { $0 == 429 }.count) refused")
        await server.stop()
    }

    @Test
    func metricsAreForThisMachineOrStaffAndBothStatusPagesAreCached() async throws {
        let server = try await ServerHarness.start()
        let local = try await server.request(.get, "/metrics")
        #expect(local.status == 200)
        let proxied: HTTPHeaders = ["X-Real-IP": "198.51.100.7"]
        #expect(try await server.request(.get, "/metrics", headers: proxied).status == 401)
        let sender = try await server.bearer(.sender, scopes: [.hamlet("Thông Nhất")], label: "metrics-sender")
        var asSender = sender
        asSender.add(name: "X-Real-IP", value: "198.51.100.7")
        #expect(try await server.request(.get, "/metrics", headers: asSender).status == 403)
        var asAuditor = try await server.bearer(.auditor, label: "metrics-auditor")
        asAuditor.add(name: "X-Real-IP", value: "198.51.100.7")
        let audited = try await server.request(.get, "/metrics", headers: asAuditor)
        #expect(audited.status == 200 && audited.body == local.body, "the same cached text")

        // A refused hook changes a counter, but the next scrape within the refresh interval is the cached one.
        _ = try await server.request(.post, "/hooks/zalo/wrong/status", body: Array("{}".utf8))
        #expect(try await server.request(.get, "/metrics").body == local.body)
        await server.stop()
    }

    @Test
    func healthSaysAProblemWordAndNoErrorText() async throws {
        let server = try await ServerHarness.start()
        let store = try #require(server.store as? SQLiteStore)
        try await store.pool.write { try $0.execute(sql: "ALTER TABLE hamlets RENAME TO hamlets_gone") }
        let health = try await server.request(.get, "/healthz")
        let text = String(decoding: health.body, as: UTF8.self)
        #expect(health.status == 503)
        #expect(text.contains("\"database\":\"unavailable\"") && text.contains("\"status\":\"degraded\""), "\(text)")
        #expect(!["SQLite", "no such table", "hamlets", "SELECT"].contains { text.contains($0) }, "\(text)")
        await server.stop()
    }

    @Test
    func aHalfSentRequestHeadIsCutOff() async throws {
        let server = try await ServerHarness.start(extraChannels: "[limits]\nidle_timeout = \"1s\"\n")
        let port = try #require(Int(server.base.split(separator: ":").last ?? ""))
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr = in_addr(s_addr: UInt32(0x7F00_0001).bigEndian)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        #expect(connected == 0)
        var timeout = timeval(tv_sec: 0, tv_usec: 300_000)
        _ = setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let started = ContinuousClock.now
        var closed = false
        // A slow client: one header line every 300 ms, never the blank line that ends the head.
        for line in ["GET /healthz HTTP/1.1\r\n", "Host: loa\r\n"] + (0..<30).map { "X-Slow-\($0): 1\r\n" } {
            _ = line.withCString { send(fd, $0, strlen($0), Int32(MSG_NOSIGNAL)) }
            var byte: UInt8 = 0
            if recv(fd, &byte, 1, 0) == 0 {
                closed = true
                break
            }
        }
        let waited = ContinuousClock.now - started
        #expect(closed, "the server kept a half-sent head open for \(waited)")
        #expect(waited < .seconds(4), "\(waited)")
        await server.stop()
    }
}
