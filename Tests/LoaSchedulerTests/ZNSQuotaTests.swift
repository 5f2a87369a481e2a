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

/// ZNS codes and quota as the scheduler decides them (issue 17 §2): `-144` on an urgent notice,
/// `-108` on a validated number, and the quota left stopping the channel. A real SQLite store, the
/// real ZNS adapter, libcurl and a local server answering as Zalo.
@Suite("ZNS quota and codes in the scheduler")
struct ZNSQuotaTests {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)
    static let planner = OutcomePlanner(backoff: Backoff(base: .seconds(10), cap: .seconds(600), maxAttempts: 4))

    static func job(phone: String?) -> DispatchJob {
        DispatchJob(
            messageID: 7, noticeID: "N-ABC123", channelStep: 0, attemptCount: 0, attemptID: 70,
            idempotencyKey: "N-ABC123-7-0", isResend: false,
            recipient: OutboundRecipient(
                residentID: 1, name: "Nguyễn Văn An", phone: phone.flatMap { PhoneNumber(e164: $0) }, zaloID: nil,
                hamlet: nil))
    }

    static let quotaError = SendError(.quotaExhausted, "OA daily ZNS limit reached", gatewayCode: "-144", retryAfter: .seconds(50_000))

    @Test
    func urgentNoticeFallsBackAtOnceOnMinus144() throws {
        let outcome = Self.planner.plan(
            Self.job(phone: "+84912345678"), policy: try ChannelPolicy(parsing: "zalo>sms"),
            result: .failure(Self.quotaError), now: Self.now, priority: .urgent)
        #expect(outcome.attemptOutcome == "fallback")
        #expect(outcome.channelStep == 1 && outcome.nextAt == Self.now && outcome.state == nil)
    }

    @Test
    func normalNoticeWaitsForTheQuotaOnMinus144() throws {
        let outcome = Self.planner.plan(
            Self.job(phone: "+84912345678"), policy: try ChannelPolicy(parsing: "zalo>sms"),
            result: .failure(Self.quotaError), now: Self.now, priority: .normal)
        #expect(outcome.attemptOutcome == "deferred")
        #expect(outcome.channelStep == 0 && outcome.nextAt == Self.now.addingTimeInterval(50_000))
    }

    @Test
    func urgentNoticeOnTheLastChannelWaitsToo() throws {
        let outcome = Self.planner.plan(
            Self.job(phone: "+84912345678"), policy: try ChannelPolicy(parsing: "zalo"),
            result: .failure(Self.quotaError), now: Self.now, priority: .urgent)
        #expect(outcome.attemptOutcome == "deferred" && outcome.state == nil)
    }

    @Test
    func invalidPhoneOnAValidatedNumberFallsBack() throws {
        let error = SendError(.invalidRecipient, "phone number invalid", gatewayCode: "-108")
        let policy = try ChannelPolicy(parsing: "zalo>sms")
        let validated = Self.planner.plan(Self.job(phone: "+84912345678"), policy: policy, result: .failure(error), now: Self.now)
        #expect(validated.attemptOutcome == "fallback" && validated.channelStep == 1 && validated.state == nil)
        let unknown = Self.planner.plan(Self.job(phone: nil), policy: policy, result: .failure(error), now: Self.now)
        #expect(unknown.attemptOutcome == "failed" && unknown.state == .failed)
        let last = Self.planner.plan(
            Self.job(phone: "+84912345678"), policy: try ChannelPolicy(parsing: "zalo"), result: .failure(error), now: Self.now)
        #expect(last.state == .failed)
    }

    // MARK: End to end

    struct Rig {
        let store: SQLiteStore
        let server: TestHTTPServer
        let dispatcher: Dispatcher
        let client: HTTPClient

        func sends() -> [TestHTTPServer.Request] { server.requests.filter { $0.path == "/message/template" } }
        func sms() -> [TestHTTPServer.Request] { server.requests.filter { $0.path == "/sms" } }
    }

    /// Zalo's template info for the rig's template: two parameters, the button taking the token.
    static let templateInfo = """
        {"error":0,"message":"Success","data":{"templateId":"245881","templateName":"Moi hop","status":"ENABLE",
        "listParams":[{"name":"ho_ten","require":true,"type":"STRING","maxLength":30,"minLength":0,"acceptNull":false},
        {"name":"tieu_de","require":true,"type":"STRING","maxLength":100,"minLength":0,"acceptNull":false}]}}
        """

    /// `residents` residents, channels `zalo` (ZNS on the local server, answering sends with
    /// `reply(n)` for the n-th send) and `sms` (a webhook), one notice over `zalo>sms`.
    static func rig(
        residents count: Int, priority: NoticePriority, workers: Int = 1,
        reply: @escaping @Sendable (Int) -> String
    ) async throws -> Rig {
        let counter = Mutex(0)
        let server = try TestHTTPServer { request in
            switch request.path {
            case "/template/info/v2": return .json(200, templateInfo)
            case "/message/quota": return .json(200, #"{"error":0,"message":"Success","data":{"dailyQuota":500,"remainingQuota":480}}"#)
            case "/message/template":
                let n = counter.withLock { $0 += 1; return $0 }
                return .json(200, reply(n))
            default: return .json(200, "{}")
            }
        }
        let toml = """
            [[channels]]
            name = "zalo"
            kind = "zalo-zns"
            base_url = "\(server.baseURL)"
            app_id = "3416800000000000001"
            oa_id = "1887400000000000001"
            secret_key = "oa-secret-for-tests"
            access_token = "zns-access-token-for-tests"
            template_id = "245881"
            template_params = { ho_ten = "name", tieu_de = "title" }
            [[channels]]
            name = "sms"
            kind = "webhook"
            url = "\(server.url("/sms"))"
            """
        let configuration = try LoaConfiguration.parse(toml)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("loa-zns-quota-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let store = try SQLiteStore(path: directory.appendingPathComponent("loa.db").path)
        _ = try await store.importResidents(DispatcherTests.residents(count), columns: .all, actor: "test")
        _ = try await store.createNotice(NoticeDraft(
            kind: .notice, title: "Họp thôn", body: "Họp thôn tối thứ Sáu.", audience: [.all],
            channels: try ChannelPolicy(parsing: "zalo>sms"), sendAt: Date(), priority: priority, createdBy: "test"))
        var settings = DispatchSettings(configuration: configuration)
        settings.workers = workers
        settings.quietHours = nil
        settings.pollInterval = .milliseconds(20)
        let client = HTTPClient(configuration: .init(maxConnectionsPerHost: workers))
        let adapters = try configuration.channels.map { try ChannelRegistry.adapter(for: $0) }
        let dispatcher = Dispatcher(store: store, adapters: adapters, transport: client, settings: settings)
        return Rig(store: store, server: server, dispatcher: dispatcher, client: client)
    }

    static func accepted(remaining: Int, daily: Int = 500) -> String {
        """
        {"error":0,"message":"Success","data":{"msg_id":"a1b2c3d4e5f60718293a","sent_time":"1764662400000",
        "sending_mode":"1","quota":{"dailyQuota":"\(daily)","remainingQuota":"\(remaining)"}}}
        """
    }

    @Test
    func minus144OnAnUrgentNoticeSendsSMSNowAndStopsAskingZalo() async throws {
        let rig = try await Self.rig(residents: 6, priority: .urgent) { _ in
            #"{"error":-144,"message":"OA has exceeded the daily quota for sending ZNS"}"#
        }
        try await rig.dispatcher.run(untilIdle: true)
        #expect(rig.sends().count == 1, "after the first -144 the channel is known to be out of quota")
        #expect(rig.sms().count == 6)
        let notice = try #require(try await rig.store.notices().first)
        #expect(try await rig.store.messageCounts(notice: notice.id) == [.accepted: 6])
        let quota = try #require(try await rig.store.channelQuotas().first)
        #expect(quota.channel == "zalo" && quota.isExhausted(at: Date()))
    }

    @Test
    func minus108OnAValidatedNumberFallsBackToSMS() async throws {
        let rig = try await Self.rig(residents: 4, priority: .normal, workers: 2) { _ in
            #"{"error":-108,"message":"Phone number is invalid"}"#
        }
        try await rig.dispatcher.run(untilIdle: true)
        #expect(rig.sends().count == 4 && rig.sms().count == 4)
        let notice = try #require(try await rig.store.notices().first)
        #expect(try await rig.store.messageCounts(notice: notice.id) == [.accepted: 4])
        #expect(try await rig.store.attemptSummary(notice: notice.id) == ["zalo": ["fallback": 4], "sms": ["accepted": 4]])
    }

    @Test
    func quotaLeftReachingZeroStopsTheChannel() async throws {
        // Zalo says 2, 1, 0 left: the fourth resident's message is not sent to Zalo at all.
        let rig = try await Self.rig(residents: 8, priority: .normal) { n in Self.accepted(remaining: max(0, 3 - n)) }
        let run = Task { try await rig.dispatcher.run(untilIdle: false) }
        defer { run.cancel() }
        let notice = try #require(try await rig.store.notices().first)
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline {
            let summary = try await rig.store.attemptSummary(notice: notice.id)
            if summary["zalo"]?["deferred"] == 5 { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        #expect(rig.sends().count == 3)
        #expect(rig.sms().isEmpty, "a normal notice waits for tomorrow's quota")
        #expect(try await rig.store.attemptSummary(notice: notice.id)["zalo"] == ["accepted": 3, "deferred": 5])
        let quota = try #require(try await rig.store.channelQuotas().first)
        #expect(quota.remaining == 0 && quota.daily == 500 && quota.isExhausted(at: Date()))
        var stopped = 0
        for message in try await rig.store.messages(notice: notice.id) {
            let last = try await rig.store.attempts(message: message.id).last
            if last?.error?.contains("no daily quota left") == true { stopped += 1 }
        }
        #expect(stopped == 5)
    }
}
