import Foundation
import LoaChannels
import LoaConfig
import LoaCore
import LoaHTTP
import LoaTesting
import Synchronization
import Testing

/// Zalo's template info and quota calls (gateways.md §1.4, §13) as fixture tables: parameter
/// limits, button URL parameters, mapping problems, over-limit values, and `checkAccount`.
@Suite("Zalo ZNS template info and quota")
struct ZaloZNSTemplateInfoTests {
    struct Row: Sendable, CustomTestStringConvertible {
        let label: String
        var testDescription: String { label }
        // The rows are read once from JSON and never mutated.
        nonisolated(unsafe) let raw: [String: Any]
        init(_ raw: [String: Any]) {
            self.raw = raw
            label = raw["label"] as? String ?? "?"
        }
    }

    static func rows(_ file: String) throws -> [Row] {
        let data = try FixtureLocator.channelFixture("zalo-zns/" + file, from: #filePath)
        return (try JSONSerialization.jsonObject(with: data) as? [[String: Any]] ?? []).map(Row.init)
    }

    /// Answers every GET with `reply` and keeps the requests.
    final class FakeZalo: HTTPTransport {
        let reply: [UInt8]
        let requests = Mutex<[HTTPRequest]>([])
        init(_ reply: Any) throws { self.reply = Array(try JSONSerialization.data(withJSONObject: reply)) }
        func send(_ request: HTTPRequest) async throws(HTTPClientError) -> HTTPResponse {
            requests.withLock { $0.append(request) }
            return HTTPResponse(status: 200, headers: ["Content-Type": "application/json"], body: reply)
        }
    }

    static func adapter(params: [String: String]) throws -> ZaloZNSAdapter {
        let table = params.sorted { $0.key < $1.key }.map { "\($0.key) = \"\($0.value)\"" }.joined(separator: ", ")
        let configuration = try LoaConfiguration.parse("""
            [[channels]]
            name = "zalo"
            kind = "zalo-zns"
            app_id = "3021948576"
            oa_id = "4417283910"
            secret_key = "oa-secret-KEY-91c3"
            access_token = "zns-access-TOKEN-6f2a"
            template_id = "245678"
            template_params = { \(table) }
            """)
        return try ZaloZNSAdapter(config: try #require(configuration.channels.first))
    }

    static func message(name: String, linkToken: String?) throws -> OutboundMessage {
        OutboundMessage(
            messageID: 1, idempotencyKey: "N7K3Q9AM1234C0", noticeID: "N7K3Q9", shortCode: "K7QX", kind: .convocation,
            title: "Họp thôn Thống Nhất", body: "Mời bà con dự họp.",
            link: linkToken.map { "https://loa.haiLang.gov.vn/m/" + $0 },
            recipient: .init(name: name, phone: try PhoneNumber(parsing: "0912 345 678")),
            meetingAt: Date(timeIntervalSince1970: 1_796_301_000), place: "Nhà văn hóa thôn", linkToken: linkToken)
    }

    @Test(arguments: try rows("template-info.json"))
    func templateInfo(_ row: Row) async throws {
        let adapter = try Self.adapter(params: row.raw["template_params"] as? [String: String] ?? [:])
        let zalo = try FakeZalo(row.raw["reply"] ?? [:])
        let expect = row.raw["expect"] as? [String: Any] ?? [:]
        let info: ZaloZNSTemplateInfo
        do {
            info = try await adapter.fetchTemplateInfo(over: zalo)
        } catch {
            let wanted = try #require(expect["error_contains"] as? String, "unexpected error \(error)")
            #expect(error.description.contains(wanted), "\(error.description)")
            return
        }
        let request = try #require(zalo.requests.withLock { $0.first })
        #expect(request.url == "https://business.openapi.zalo.me/template/info/v2?template_id=245678")
        #expect(request.headers["access_token"] == "zns-access-TOKEN-6f2a")
        #expect(info.isEnabled == (expect["enabled"] as? Bool))
        #expect(info.params.filter(\.isURL).map(\.name) == (expect["url_params"] as? [String] ?? []))
        let problems = adapter.template.problems(against: info, channel: "zalo")
        let wanted = (expect["problems"] as? [String] ?? []).map { "channel zalo: " + $0 }
        #expect(problems == wanted)
        guard let send = row.raw["send"] as? [String: Any] else { return }
        let message = try Self.message(name: send["name"] as? String ?? "", linkToken: send["link_token"] as? String)
        let sent: HTTPRequest
        do {
            sent = try adapter.makeRequest(for: message)
        } catch {
            #expect(error.kind == .permanent)
            let wanted = try #require(send["error_contains"] as? String, "unexpected refusal \(error)")
            #expect(error.message.contains(wanted), "\(error.message)")
            return
        }
        #expect(send["error_contains"] == nil, "expected a refusal")
        let json = try JSONSerialization.jsonObject(with: Data(sent.body ?? [])) as? [String: Any]
        let data = json?["template_data"] as? [String: String] ?? [:]
        for (name, value) in send["template_data"] as? [String: String] ?? [:] {
            #expect(data[name] == value, "template_data.\(name)")
        }
    }

    @Test(arguments: try rows("quota.json"))
    func quota(_ row: Row) async throws {
        let adapter = try Self.adapter(params: ["ho_ten": "name"])
        let zalo = try FakeZalo(row.raw["reply"] ?? [:])
        let reading = try await adapter.fetchQuota(over: zalo)
        let expect = row.raw["expect"] as? [String: Any] ?? [:]
        #expect(reading.daily == expect["daily"] as? Int && reading.remaining == expect["remaining"] as? Int)
        #expect(zalo.requests.withLock { $0.first?.url } == "https://business.openapi.zalo.me/message/quota")
    }

    @Test(arguments: try rows("quota.json"))
    func checkAccountSaysWhatIsLeft(_ row: Row) async throws {
        // One fake answers both calls: template info first, then the quota.
        let info: [String: Any] = [
            "error": 0, "message": "Success",
            "data": ["templateId": "245678", "status": "ENABLE", "listParams": [
                ["name": "ho_ten", "require": true, "type": "STRING", "maxLength": 30, "minLength": 0, "acceptNull": false],
            ]],
        ]
        let transport = try TwoReplies(first: info, then: row.raw["reply"] ?? [:])
        let items = try await Self.adapter(params: ["ho_ten": "name"]).checkAccount(over: transport)
        #expect(items.map(\.check) == ["credentials", "templates", "mapping", "quota"])
        #expect(items.prefix(3).allSatisfy { $0.status == .ok }, "\(items)")
        let expect = row.raw["expect"] as? [String: Any] ?? [:]
        #expect(items.last?.status.rawValue == expect["status"] as? String, "\(items)")
    }

    final class TwoReplies: HTTPTransport {
        let replies: Mutex<[[UInt8]]>
        init(first: Any, then second: Any) throws {
            replies = Mutex([
                Array(try JSONSerialization.data(withJSONObject: first)),
                Array(try JSONSerialization.data(withJSONObject: second)),
            ])
        }
        func send(_ request: HTTPRequest) async throws(HTTPClientError) -> HTTPResponse {
            let body = replies.withLock { $0.isEmpty ? [] : $0.removeFirst() }
            return HTTPResponse(status: 200, body: body)
        }
    }
}
