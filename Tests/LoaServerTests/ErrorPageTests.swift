import Foundation
import GRDB
import LoaHTTP
import Testing

@testable import LoaStore

/// An internal failure (here: a table the queries need is gone) reaches the log only; the API, the
/// dashboard and the resident page answer with a short reference id and no SQL text.
@Suite("Error pages show a reference, not the error", .serialized)
struct ErrorPageTests {
    static let leaks = ["SQLite", "sqlite", "no such table", "SELECT", "messages", "GRDB"]

    /// The reference id in `text` after `marker`: eight characters from the id alphabet.
    static func reference(in text: String, after marker: String) -> String? {
        guard let range = text.range(of: marker) else { return nil }
        let id = String(text[range.upperBound...].prefix(8))
        return id.count == 8 && id.allSatisfy { "23456789ABCDEFGHJKMNPQRSTUVWXYZ".contains($0) } ? id : nil
    }

    /// Renames the messages table away, as a damaged or half-migrated database would look.
    static func breakDatabase(_ server: ServerHarness) async throws {
        let store = try #require(server.store as? SQLiteStore)
        try await store.pool.write { try $0.execute(sql: "ALTER TABLE messages RENAME TO messages_gone") }
    }

    @Test
    func internalErrorsAnswerWithAReferenceOnly() async throws {
        let server = try await ServerHarness.start()
        let admin = try await server.bearer(.admin, label: "errors-admin")
        let link = try await server.token("Nguyễn Văn An")
        let cookie = try await DashboardTests.signIn(server, .admin, label: "errors-dashboard")
        try await Self.breakDatabase(server)

        var references: Set<String> = []
        for _ in 0..<2 {
            let api = try await server.request(.get, "/api/notices/\(server.notice.id)", headers: admin)
            #expect(api.status == 500)
            let json = try #require(try JSONSerialization.jsonObject(with: Data(api.body)) as? [String: String])
            #expect(json.keys.sorted() == ["error", "reference"] && json["error"] == "internal error", "\(json)")
            references.insert(try #require(json["reference"]))
        }
        #expect(references.count == 2, "each failure gets its own reference")

        let page = try await server.request(.get, "/m/\(link)")
        let pageText = String(decoding: page.body, as: UTF8.self)
        #expect(page.status == 503)
        #expect(Self.reference(in: pageText, after: "Mã lỗi: ") != nil, "\(pageText)")

        let dashboard = try await server.request(.get, "/notices/\(server.notice.id)", headers: ["Cookie": cookie])
        let dashboardText = String(decoding: dashboard.body, as: UTF8.self)
        #expect(dashboard.status == 500)
        #expect(Self.reference(in: dashboardText, after: "mã lỗi ") != nil, "\(dashboardText)")

        for (name, text) in [("api", String(decoding: try await server.request(.get, "/api/notices/\(server.notice.id)", headers: admin).body, as: UTF8.self)),
            ("resident page", pageText), ("dashboard", dashboardText)]
        {
            #expect(!Self.leaks.contains { text.contains($0) }, "\(name) leaks: \(text)")
        }
        await server.stop()
    }
}
