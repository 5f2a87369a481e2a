import Foundation
import LoaCore
import LoaHTTP
import LoaStore
import Testing

/// SPEC §1 and §5: every forbidden action per role gets 401/403 and changes nothing.
@Suite("Roles and tokens", .serialized)
struct RoleTests {
    static func json(_ value: [String: Any]) -> [UInt8] {
        Array((try? JSONSerialization.data(withJSONObject: value)) ?? Data())
    }

    static var notice: [String: Any] {
        [
        "kind": "notice", "title": "Họp chi hội", "body": "Mời hội viên dự họp.", "to": ["group:hoi nong dan"],
        "channels": "zalo>sms",
        ]
    }

    /// What the store holds that a refused request must leave alone.
    func fingerprint(_ server: ServerHarness) async throws -> String {
        let notices = try await server.store.notices().map { "\($0.id):\($0.status.rawValue)" }.sorted()
        let states = try await server.store.messageCounts(notice: server.notice.id)
        let audit = try await server.store.auditLog(limit: 1000).count
        return "\(notices) \(states.sorted { $0.key.rawValue < $1.key.rawValue }) \(audit)"
    }

    @Test
    func missingOrUnknownTokensAre401() async throws {
        let server = try await ServerHarness.start()
        for path in ["/api/notices", "/api/notices/\(server.notice.id)/report", "/api/residents"] {
            #expect(try await server.request(.get, path).status == 401)
            #expect(try await server.request(.get, path, headers: ["Authorization": "Bearer loa_nope"]).status == 401)
            #expect(try await server.request(.get, path, headers: ["Authorization": "Basic abc"]).status == 401)
        }
        #expect(try await server.request(.post, "/api/notices", body: Self.json(Self.notice)).status == 401)
        await server.stop()
    }

    @Test
    func anAuditorReadsEverythingAndChangesNothing() async throws {
        let server = try await ServerHarness.start()
        let auditor = try await server.bearer(.auditor, label: "kiem-tra")
        let id = server.notice.id
        #expect(try await server.request(.get, "/api/notices", headers: auditor).status == 200)
        #expect(try await server.request(.get, "/api/notices/\(id)", headers: auditor).status == 200)
        #expect(try await server.request(.get, "/api/notices/\(id)/unread", headers: auditor).status == 200)
        #expect(try await server.request(.get, "/api/residents?hamlet=thong%20nhat", headers: auditor).status == 403, "not the registry")
        let before = try await fingerprint(server)
        let refused: [(HTTPRequest.Method, String, [UInt8])] = [
            (.post, "/api/notices", Self.json(Self.notice)),
            (.post, "/api/notices/\(id)/cancel", []),
            (.post, "/api/notices/\(id)/ack", Self.json(["resident": "0912345678", "via": "in-person"])),
            (.post, "/api/residents/import", Array("name,phone\nMới,0911111111\n".utf8)),
        ]
        for (method, path, body) in refused {
            #expect(try await server.request(method, path, headers: auditor, body: body).status == 403, "\(path)")
        }
        #expect(try await server.request(.get, "/api/audit", headers: auditor).status == 403, "the audit log is the admins'")
        #expect(try await fingerprint(server) == before)
        await server.stop()
    }

    @Test
    func aSenderStaysInsideItsScopeAndSeesOnlyItsOwnNotices() async throws {
        let server = try await ServerHarness.start()
        let sender = try await server.bearer(.sender, scopes: [.group("Hội Nông dân")], label: "hoi-nong-dan")
        let others = server.notice.id
        let before = try await fingerprint(server)
        for audience in [["all"], ["hamlet:Thông Nhất"], ["phone:0987654321"], ["group:Hội Nông dân", "hamlet:Đồng Tâm"]] {
            var body = Self.notice
            body["to"] = audience
            let response = try await server.request(.post, "/api/notices", headers: sender, body: Self.json(body))
            #expect(response.status == 403, "\(audience)")
            #expect(String(decoding: response.body, as: UTF8.self).contains("may send only to group:Hội Nông dân"))
        }
        for (method, path) in [(HTTPRequest.Method.get, "/api/residents"), (.post, "/api/residents/import"), (.get, "/api/audit")] {
            #expect(try await server.request(method, path, headers: sender).status == 403, "\(path)")
        }
        // Another sender's notice answers exactly as a missing one (OwnershipTests checks the bodies).
        for (method, path) in [
            (HTTPRequest.Method.get, "/api/notices/\(others)"), (.get, "/api/notices/\(others)/report"),
            (.get, "/api/notices/\(others)/unread?format=csv"), (.post, "/api/notices/\(others)/cancel"),
        ] {
            #expect(try await server.request(method, path, headers: sender).status == 404, "\(path)")
        }
        let ack = Self.json(["resident": "0912345678", "via": "in-person"])
        #expect(try await server.request(.post, "/api/notices/\(others)/ack", headers: sender, body: ack).status == 404)
        #expect(try await fingerprint(server) == before, "refused requests change nothing")

        let created = try await server.request(.post, "/api/notices", headers: sender, body: Self.json(Self.notice))
        #expect(created.status == 201, "\(String(decoding: created.body, as: UTF8.self))")
        let notice = try #require(try JSONSerialization.jsonObject(with: Data(created.body)) as? [String: Any])
        let id = try #require(notice["id"] as? String)
        #expect(notice["to"] as? [String] == ["group:Hội Nông dân"])
        #expect(notice["messages"] as? Int == 1)
        #expect(notice["created_by"] as? String == "token:hoi-nong-dan")
        let list = try #require(
            try JSONSerialization.jsonObject(with: Data(try await server.request(.get, "/api/notices", headers: sender).body))
                as? [[String: Any]])
        #expect(list.map { $0["id"] as? String } == [id], "a sender sees only its own notices")
        #expect(try await server.request(.get, "/api/notices/\(id)/report", headers: sender).status == 200)
        #expect(try await server.request(.post, "/api/notices/\(id)/cancel", headers: sender).status == 200)
        let audit = try await server.store.auditLog(limit: 10)
        #expect(audit.contains { $0.actor == "token:hoi-nong-dan" && $0.action == "notice.create" && $0.subject == id })
        #expect(audit.contains { $0.actor == "token:hoi-nong-dan" && $0.subject == id && $0.action.contains("cancel") })
        await server.stop()
    }

    @Test
    func anAdminMayDoEverythingAndBadBodiesAreClear400s() async throws {
        let server = try await ServerHarness.start()
        let admin = try await server.bearer(.admin, label: "ubnd")
        var body = Self.notice
        body["to"] = ["all"]
        #expect(try await server.request(.post, "/api/notices", headers: admin, body: Self.json(body)).status == 201)
        let imported = try await server.request(
            .post, "/api/residents/import", headers: admin, body: Array("name,phone,hamlet\nHoàng Văn Em,0911111111,Đồng Tâm\n".utf8))
        #expect(imported.status == 200)
        #expect(String(decoding: imported.body, as: UTF8.self).contains("\"added\":1"))
        let ack = try await server.request(
            .post, "/api/notices/\(server.notice.id)/ack", headers: admin, body: Self.json(["resident": "0912345678", "via": "phone-call"]))
        #expect(ack.status == 200)
        #expect(try await server.state("Nguyễn Văn An") == .acknowledged)
        let audit = String(decoding: try await server.request(.get, "/api/audit", headers: admin).body, as: UTF8.self)
        #expect(audit.contains("\"actor\":\"token:ubnd\"") && audit.contains("ack.manual") && audit.contains("residents.import"))
        for bad: [UInt8] in [
            Array("not json".utf8), Self.json(["title": "x"]), Self.json(["title": "x", "body": "y", "to": ["street:1"]]),
            Self.json(["title": "x", "body": "y", "to": ["hamlet:Không Có"]]),
            Self.json(["title": "x", "body": "y", "to": ["all"], "at": "tomorrow-ish"]),
            Self.json(["title": "x", "body": "y", "to": ["all"], "kind": "convocation"]),
            Self.json(["title": "x", "body": "y", "to": ["all"], "channels": "pigeon"]),
        ] {
            let response = try await server.request(.post, "/api/notices", headers: admin, body: bad)
            #expect(response.status == 400, "\(String(decoding: bad, as: UTF8.self)) → \(String(decoding: response.body, as: UTF8.self))")
        }
        await server.stop()
    }
}
