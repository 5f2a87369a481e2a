import Crypto
import Foundation
import LoaChannels
import LoaConfig
import LoaCore
import LoaHTTP
import LoaServer
import LoaStore
import Logging
import ServiceLifecycle
import LoaTesting

/// A real Loa server on a loopback port over a real SQLite store, with a convocation already sent:
/// each sample resident's message claimed on `zalo` (ZNS) and accepted with gateway ref `R<id>`.
final class ServerHarness: Sendable {
    static let hookSecret = "hook-secret-for-tests-4f9a1c"
    static let appID = "3021948576"
    static let zaloSecret = "oa-secret-KEY-91c3"

    let store: any Store
    let notice: Notice
    let jobs: [String: DispatchJob]
    let base: String
    let client = HTTPClient()
    private let group: ServiceGroup
    private let task: Task<Void, any Error>

    /// `extraChannels` is TOML appended to the configuration (more `[[channels]]`); `moreResidents`
    /// are imported beside ``Residents/rows`` but get no message of the harness's convocation;
    /// `publicURL` replaces the server's own URL (as behind a TLS proxy).
    /// `port` and `secret` fix the listening port and `hook_secret` for a peer that must know them
    /// before the server starts (a real Kannel's get-url).
    static func start(
        now: @escaping @Sendable () -> Date = { Date() }, extraChannels: String = "", moreResidents: [ResidentInput] = [],
        publicURL: String? = nil, port fixedPort: Int? = nil, hookSecret secret: String = hookSecret, serverExtra: String = ""
    ) async throws -> ServerHarness {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("loa-server-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let store = try await StoreLocation.sqlite(path: directory.appendingPathComponent("loa.db").path).open()
        _ = try await store.importResidents(Residents.rows, columns: .all, actor: "test")
        let sendAt = now().addingTimeInterval(-60)
        let notice = try await store.createNotice(
            NoticeDraft(
                kind: .convocation, title: "Họp dân bàn kế hoạch phòng chống bão", body: "Kính mời bà con đến dự họp.",
                audience: [.all], channels: try ChannelPolicy(parsing: "zalo>sms"), sendAt: sendAt,
                meetingAt: sendAt.addingTimeInterval(86_400), place: "Nhà văn hóa thôn", createdBy: "test"))
        let jobs = try await store.claimDue(ClaimRequest(now: sendAt, limit: 10, worker: "w", lease: .seconds(600)))
        if !moreResidents.isEmpty { _ = try await store.importResidents(moreResidents, columns: .all, actor: "test") }
        try await store.record(
            jobs.map { job in
                DispatchOutcome(
                    messageID: job.messageID, attemptID: job.attemptID, attemptOutcome: "accepted", gatewayRef: "R\(job.messageID)",
                    state: .accepted, nextAt: nil, channelStep: 0, attemptCount: 0, finishedAt: sendAt)
            }, worker: "w")
        guard let port = fixedPort ?? freePort() else { throw HarnessError("no free port") }
        let configuration = try LoaConfiguration.parse(
            """
            [commune]
            name = "Xã Hải Lạng"
            [server]
            listen = "127.0.0.1:\(port)"
            public_url = "\(publicURL ?? "http://127.0.0.1:\(port)")"
            hook_secret = "\(secret)"
            \(serverExtra)
            [[channels]]
            name = "zalo"
            kind = "zalo-zns"
            app_id = "\(appID)"
            secret_key = "\(zaloSecret)"
            access_token = "zns-access-token"
            template_id = "245678"
            template_params = { ten = "name", tieu_de = "title", nut_xac_nhan = "link" }
            [[channels]]
            name = "sms"
            kind = "esms"
            api_key = "esms-key"
            secret_key = "esms-secret"
            brandname = "UBND XA"
            free_text = true
            \(extraChannels)
            """, source: "test", environment: [:])
        var logger = Logger(label: "test.server")
        logger.logLevel = .critical
        var setup = ServerSetup(store: store, configuration: configuration, adapters: [], now: now, logger: logger)
        setup.adapters = Dictionary(
            uniqueKeysWithValues: try configuration.channels.map { ($0.name, try ChannelRegistry.adapter(for: $0)) })
        let (running, announce) = AsyncStream.makeStream(of: Int.self)
        let application = try LoaServer.application(setup, listen: configuration.server.listen) { bound in
            announce.yield(bound)
        }
        let group = ServiceGroup(services: [application], logger: logger)
        let task = Task { try await group.run() }
        for await _ in running { break }
        return ServerHarness(
            store: store, notice: notice, jobs: Dictionary(uniqueKeysWithValues: jobs.map { ($0.recipient.name, $0) }),
            base: "http://127.0.0.1:\(port)", group: group, task: task)
    }

    private init(store: any Store, notice: Notice, jobs: [String: DispatchJob], base: String, group: ServiceGroup, task: Task<Void, any Error>) {
        self.store = store
        self.notice = notice
        self.jobs = jobs
        self.base = base
        self.group = group
        self.task = task
    }

    func stop() async {
        await group.triggerGracefulShutdown()
        _ = await task.result
        client.shutdown()
    }

    func request(
        _ method: HTTPRequest.Method, _ path: String, headers: HTTPHeaders = [:], body: [UInt8]? = nil
    ) async throws -> HTTPResponse {
        try await client.send(HTTPRequest(method: method, url: base + path, headers: headers, body: body, timeout: testAnswerTimeout))
    }

    /// A stored token of `role`; the header that presents it.
    func bearer(_ role: TokenRecord.Role, scopes: [AudienceSelector] = [], label: String) async throws -> HTTPHeaders {
        let token = APIToken.generate()
        try await store.createToken(
            TokenRecord(hash: APIToken.hash(token), role: role, scopes: scopes, label: label, createdAt: Date()), actor: "test")
        return ["Authorization": "Bearer " + token, "Content-Type": "application/json"]
    }

    func job(_ name: String) throws -> DispatchJob {
        guard let job = jobs[name] else { throw HarnessError("no job for \(name)") }
        return job
    }

    func token(_ name: String) async throws -> String {
        guard let token = try await store.linkToken(message: try job(name).messageID) else { throw HarnessError("no token") }
        return token
    }

    func state(_ name: String) async throws -> MessageState? {
        let id = try job(name).messageID
        return try await store.messages(notice: notice.id).first { $0.id == id }?.state
    }

    /// Zalo's signature computed here, from gateways.md §3.4, not with the adapter's code.
    static func zaloSignature(body: String, timestamp: String) -> String {
        let digest = SHA256.hash(data: Data((appID + body + timestamp + zaloSecret).utf8))
        return "mac=" + digest.map { String(format: "%02x", $0) }.joined()
    }

    static func freePort() -> Int? { LoaServer.freeLoopbackPort() }
}

struct HarnessError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Four residents in two hamlets.
enum Residents {
    static func phone(_ text: String) -> PhoneNumber {
        do { return try PhoneNumber(parsing: text) } catch { fatalError("bad phone \(text)") }
    }

    static let rows: [ResidentInput] = [
        ResidentInput(name: "Nguyễn Văn An", phone: phone("0912345678"), hamlet: "Thông Nhất", groups: ["Hội Nông dân"]),
        ResidentInput(name: "Trần Thị Bình", phone: phone("0987654321"), hamlet: "Thông Nhất"),
        ResidentInput(name: "Lê Văn Cường", phone: phone("0901234567"), hamlet: "Đồng Tâm"),
        ResidentInput(name: "Phạm Thị Dung", phone: phone("0356789012"), hamlet: "Đồng Tâm"),
    ]
}
