import Foundation
import LoaCore
import LoaHTTP
import LoaStore
import Testing

/// Whose notices a sender reaches (issue 18): another sender's notice answers exactly as a notice
/// that does not exist, on every notice route of the API and the dashboard, and nothing changes.
@Suite("Notice ownership", .serialized)
struct OwnershipTests {
    static let missing = "N-ZZZZZZ"

    /// Status and body of every notice route for `id`, as a sender's API token sees them.
    static func apiAnswers(_ server: ServerHarness, _ id: String, _ headers: HTTPHeaders) async throws -> [String] {
        let ack = RoleTests.json(["resident": "0912345678", "via": "in-person"])
        var answers: [String] = []
        for (method, path, body) in [
            (HTTPRequest.Method.get, "/api/notices/\(id)", [UInt8]()), (.get, "/api/notices/\(id)/report", []),
            (.get, "/api/notices/\(id)/report?by=hamlet", []), (.get, "/api/notices/\(id)/unread", []),
            (.get, "/api/notices/\(id)/unread?format=csv", []), (.post, "/api/notices/\(id)/cancel", []),
            (.post, "/api/notices/\(id)/ack", ack),
        ] {
            let response = try await server.request(method, path, headers: headers, body: body)
            answers.append("\(method) \(path.replacingOccurrences(of: id, with: "ID")) \(response.status) "
                + String(decoding: response.body, as: UTF8.self).replacingOccurrences(of: id, with: "ID"))
        }
        return answers
    }

    /// The same for the dashboard's notice pages and forms, signed in as `client`.
    static func pageAnswers(_ client: inout SessionClient, _ id: String) async throws -> [String] {
        var answers: [String] = []
        for path in ["/notices/\(id)", "/notices/\(id)/unread", "/notices/\(id)/unread.csv", "/notices/\(id)/sheet?hamlet=x"] {
            let response = try await client.get(path)
            answers.append("GET \(path.replacingOccurrences(of: id, with: "ID")) \(response.status) "
                + String(decoding: response.body, as: UTF8.self).replacingOccurrences(of: id, with: "ID"))
        }
        _ = try await client.get("/notices/new")
        let cancel = try await client.post("/notices/\(id)/cancel")
        answers.append("POST cancel \(cancel.status) " + String(decoding: cancel.body, as: UTF8.self).replacingOccurrences(of: id, with: "ID"))
        return answers
    }

    @Test
    func anotherSendersNoticeAnswersAsAMissingOne() async throws {
        let server = try await ServerHarness.start()
        let sender = try await server.bearer(.sender, scopes: [.group("Hội Nông dân")], label: "hoi-nong-dan")
        let token = try await SessionClient.token(server, .sender, scopes: [.group("Hội Nông dân")], label: "chi-hoi")
        let before = try await RoleTests().fingerprint(server)
        let others = try await Self.apiAnswers(server, server.notice.id, sender)
        let missing = try await Self.apiAnswers(server, Self.missing, sender)
        #expect(others == missing)
        #expect(others.allSatisfy { $0.contains(" 404 ") }, "\(others)")

        var client = try await SessionClient(server)
        #expect(try await client.signIn(token).status == 303)
        let pages = try await Self.pageAnswers(&client, server.notice.id)
        let missingPages = try await Self.pageAnswers(&client, Self.missing)
        #expect(pages == missingPages)
        #expect(pages.allSatisfy { $0.contains(" 404 ") }, "\(pages.map { $0.prefix(60) })")
        #expect(try await RoleTests().fingerprint(server) == before, "nothing changed")
        #expect(try await server.store.notice(id: server.notice.id)?.status == .active)
        await server.stop()
    }

    @Test
    func aSenderOwnsNoticesByTokenIdNotByLabel() async throws {
        let server = try await ServerHarness.start()
        let sender = try await server.bearer(.sender, scopes: [.group("Hội Nông dân")], label: "hoi-nong-dan")
        // A notice whose created_by names the same label, made by another token (or before token ids).
        var draft = server.notice.draft
        draft.audience = [.group("Hội Nông dân")]
        draft.createdBy = "token:hoi-nong-dan"
        let lookalike = try await server.store.createNotice(draft)
        let before = try await RoleTests().fingerprint(server)
        #expect(try await Self.apiAnswers(server, lookalike.id, sender) == (try await Self.apiAnswers(server, Self.missing, sender)))
        let list = try await server.request(.get, "/api/notices", headers: sender)
        #expect(!String(decoding: list.body, as: UTF8.self).contains(lookalike.id), "the same label does not make it theirs")
        #expect(try await RoleTests().fingerprint(server) == before, "nothing changed")

        let created = try await server.request(.post, "/api/notices", headers: sender, body: RoleTests.json(RoleTests.notice))
        let id = try #require((try JSONSerialization.jsonObject(with: Data(created.body)) as? [String: Any])?["id"] as? String)
        #expect(try await server.store.notice(id: id)?.draft.createdByToken != nil)
        let other = try await server.bearer(.sender, scopes: [.group("Hội Nông dân")], label: "chi-hoi-2")
        #expect(try await server.request(.get, "/api/notices/\(id)", headers: other).status == 404)
        #expect(try await server.request(.post, "/api/notices/\(id)/cancel", headers: other).status == 404)
        #expect(try await server.request(.get, "/api/notices/\(id)", headers: sender).status == 200)
        #expect(try await server.store.notice(id: id)?.status == .active)
        await server.stop()
    }
}
