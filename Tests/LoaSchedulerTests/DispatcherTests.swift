import Foundation
import LoaChannels
import LoaConfig
import LoaCore
import LoaHTTP
import LoaScheduler
import LoaStore
import LoaTesting
import Synchronization
import Testing

/// The dispatcher end to end: a real SQLite store, the webhook adapter, libcurl, a real local server.
@Suite("Dispatcher against a real HTTP server")
struct DispatcherTests {
    struct Rig {
        let store: any Store
        let server: TestHTTPServer
        let dispatcher: Dispatcher
        let client: HTTPClient

        func run() async throws {
            try await dispatcher.run(untilIdle: true)
        }
    }

    static func residents(_ count: Int) -> [ResidentInput] {
        (0..<count).map { index in
            ResidentInput(
                name: "Cư dân \(index)", phone: try! PhoneNumber(parsing: String(format: "09123%05d", index)),
                hamlet: index % 2 == 0 ? "Thông Nhất" : "Đồng Tâm")
        }
    }

    /// A store with `residents` residents, webhook channels `zalo` and `sms` on one test server, and
    /// a notice to everyone over `channels`.
    static func rig(
        residents count: Int = 50, channels: String = "sms", workers: Int = 8, rate: String? = nil,
        sendAt: Date = Date(), handler: @escaping TestHTTPServer.Handler
    ) async throws -> Rig {
        let server = try TestHTTPServer(handler)
        let toml = ["zalo", "sms"].map { name in
            """
            [[channels]]
            name = "\(name)"
            kind = "webhook"
            url = "\(server.url("/\(name)"))"
            headers = { Authorization = "Bearer secret-\(name)-token" }
            \(rate.map { "rate = \"\($0)\"" } ?? "")
            """
        }.joined(separator: "\n")
        let configuration = try LoaConfiguration.parse(toml)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("loa-dispatch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let store = try SQLiteStore(path: directory.appendingPathComponent("loa.db").path)
        _ = try await store.importResidents(residents(count), columns: .all, actor: "test")
        _ = try await store.createNotice(NoticeDraft(
            kind: .notice, title: "Thông báo", body: "Lịch tiêm phòng gia súc.", audience: [.all],
            channels: try ChannelPolicy(parsing: channels), sendAt: sendAt, createdBy: "test"))
        var settings = DispatchSettings(configuration: configuration)
        settings.workers = workers
        settings.quietHours = nil
        settings.backoff = Backoff(base: .milliseconds(40), cap: .seconds(1), maxAttempts: 4)
        settings.pollInterval = .milliseconds(20)
        let client = HTTPClient(configuration: .init(maxConnectionsPerHost: workers))
        let adapters = try configuration.channels.map { try ChannelRegistry.adapter(for: $0) }
        let dispatcher = Dispatcher(store: store, adapters: adapters, transport: client, settings: settings)
        return Rig(store: store, server: server, dispatcher: dispatcher, client: client)
    }

    static func keys(_ requests: [TestHTTPServer.Request], path: String) -> [String] {
        requests.filter { $0.path == path }.compactMap { $0.header("Idempotency-Key") }
    }

    @Test
    func everyMessageReachesTheGatewayOnceWithItsKey() async throws {
        let rig = try await Self.rig(residents: 300) { _ in .json(200, #"{"id":"gw-1"}"#) }
        try await rig.run()
        let keys = Self.keys(rig.server.requests, path: "/sms")
        #expect(keys.count == 300)
        #expect(Set(keys).count == 300)
        let notice = try #require(try await rig.store.notices().first)
        #expect(try await rig.store.messageCounts(notice: notice.id) == [.accepted: 300])
        let first = try #require(try await rig.store.messages(notice: notice.id).first)
        let attempts = try await rig.store.attempts(message: first.id)
        #expect(attempts.count == 1 && attempts[0].outcome == "accepted" && attempts[0].gatewayRef == "gw-1")
        #expect(attempts[0].channel == "sms")
        let body = try #require(rig.server.requests.first?.bodyText)
        #expect(body.contains("\"body\":\"Lịch tiêm phòng gia súc.\""))
        #expect(rig.server.requests.first?.header("Authorization") == "Bearer secret-sms-token")
        #expect(rig.dispatcher.progress.accepted == 300)
    }

    @Test
    func serverErrorsAreRetriedWithTheSameKey() async throws {
        let seen = Mutex<Set<String>>([])
        let rig = try await Self.rig(residents: 40) { request in
            let key = request.header("Idempotency-Key") ?? ""
            let first = seen.withLock { $0.insert(key).inserted }
            return first ? .json(503, #"{"error":"busy"}"#) : .json(200, "{}")
        }
        try await rig.run()
        let keys = Self.keys(rig.server.requests, path: "/sms")
        #expect(keys.count == 80)
        #expect(Dictionary(grouping: keys, by: { $0 }).values.allSatisfy { $0.count == 2 })
        let notice = try #require(try await rig.store.notices().first)
        #expect(try await rig.store.messageCounts(notice: notice.id) == [.accepted: 40])
        let message = try #require(try await rig.store.messages(notice: notice.id).first)
        #expect(try await rig.store.attempts(message: message.id).map(\.outcome) == ["retry", "accepted"])
    }

    @Test
    func retryAfterIsHonoured() async throws {
        let times = Mutex<[Date]>([])
        let rig = try await Self.rig(residents: 1) { _ in
            let count = times.withLock { times in times.append(Date()); return times.count }
            return count == 1
                ? TestHTTPServer.Response(status: 429, headers: [("Retry-After", "1")], body: [])
                : .json(200, "{}")
        }
        try await rig.run()
        let stamps = times.withLock { $0 }
        #expect(stamps.count == 2)
        #expect(stamps[1].timeIntervalSince(stamps[0]) >= 0.95)
    }

    @Test
    func refusedOnTheFirstChannelFallsBackToTheNext() async throws {
        let rig = try await Self.rig(residents: 60, channels: "zalo>sms") { request in
            // Odd phone numbers have "no Zalo": the webhook says 410 Gone, a permanent refusal.
            guard request.path == "/zalo" else { return .json(200, "{}") }
            let odd = (request.bodyText.range(of: #"\+8491230\d{3}(\d)"#, options: .regularExpression)
                .map { Int(String(request.bodyText[$0].last!))! % 2 == 1 }) ?? false
            return odd ? .json(410, #"{"error":"no account"}"#) : .json(200, "{}")
        }
        try await rig.run()
        let zalo = Self.keys(rig.server.requests, path: "/zalo")
        let sms = Self.keys(rig.server.requests, path: "/sms")
        #expect(zalo.count == 60)
        #expect(sms.count == 30, "exactly the residents Zalo refused get an SMS")
        #expect(Set(zalo).isDisjoint(with: sms), "each channel has its own key")
        let notice = try #require(try await rig.store.notices().first)
        #expect(try await rig.store.messageCounts(notice: notice.id) == [.accepted: 60])
        #expect(try await rig.store.attemptSummary(notice: notice.id)
            == ["zalo": ["accepted": 30, "failed": 30], "sms": ["accepted": 30]])
    }

    @Test
    func bothChannelsGetEveryMessageWithZaloPlusSMS() async throws {
        let rig = try await Self.rig(residents: 25, channels: "zalo+sms") { _ in .json(200, "{}") }
        try await rig.run()
        #expect(Self.keys(rig.server.requests, path: "/zalo").count == 25)
        #expect(Self.keys(rig.server.requests, path: "/sms").count == 25)
    }

    @Test
    func inFlightRequestsStayWithinTheWorkerLimit() async throws {
        let load = Mutex((now: 0, peak: 0))
        let rig = try await Self.rig(residents: 40, workers: 4) { _ in
            load.withLock { $0.now += 1; $0.peak = max($0.peak, $0.now) }
            Thread.sleep(forTimeInterval: 0.03)
            load.withLock { $0.now -= 1 }
            return .json(200, "{}")
        }
        try await rig.run()
        #expect(rig.server.requestCount == 40)
        let peak = load.withLock { $0.peak }
        #expect(peak <= 4 && peak >= 2, "peak \(peak)")
    }

    @Test
    func theChannelRateIsKept() async throws {
        let rig = try await Self.rig(residents: 60, workers: 16, rate: "20/s") { _ in .json(200, "{}") }
        let start = Date()
        try await rig.run()
        let elapsed = Date().timeIntervalSince(start)
        // 20 go at once (a full bucket), the other 40 at 20/s: never faster than two seconds. (The
        // bucket's accuracy is checked on a pinned clock in PacingTests; the upper bound here only
        // catches a stall, since other suites share the two cores.)
        #expect(elapsed >= 1.9 && elapsed < 15, "elapsed \(elapsed)")
        #expect(rig.server.requestCount == 60)
    }

    @Test
    func untilIdleLeavesLaterNoticesQueued() async throws {
        let rig = try await Self.rig(residents: 5, sendAt: Date().addingTimeInterval(3600)) { _ in .json(200, "{}") }
        try await rig.run()
        #expect(rig.server.requestCount == 0)
        let backlog = try await rig.store.dispatchBacklog(now: Date())
        #expect(backlog.scheduled == 5 && backlog.due == 0)
    }
}
