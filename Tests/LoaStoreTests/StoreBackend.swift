import Foundation
import LoaCore
import LoaStore
import Testing

/// The backends the contract suite runs on: SQLite always, PostgreSQL when a server is given in
/// `LOA_TEST_POSTGRES_URL` (scripts/test starts one). Under `CI=true` PostgreSQL is never skipped:
/// without a server its runs fail.
enum StoreBackend: String, CustomTestStringConvertible, Sendable {
    case sqlite
    case postgres

    static var available: [StoreBackend] {
        let environment = ProcessInfo.processInfo.environment
        return postgresServer != nil || environment["CI"] == "true" ? [.sqlite, .postgres] : [.sqlite]
    }

    static var postgresServer: String? {
        ProcessInfo.processInfo.environment["LOA_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    var testDescription: String { rawValue }

    /// A new, empty store of this backend.
    func makeStore() async throws -> any Store {
        switch self {
        case .sqlite:
            let directory = FileManager.default.temporaryDirectory
                .appendingPathComponent("loa-store-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            return try await StoreLocation.sqlite(path: directory.appendingPathComponent("loa.db").path).open()
        case .postgres:
            return try await Self.freshPostgresStore()
        }
    }

    /// A store on a new, empty database of the test server.
    static func freshPostgresStore() async throws -> any Store {
        guard let server = postgresServer, var url = URLComponents(string: server) else {
            throw StoreError(.unsupportedURL, "CI=true but LOA_TEST_POSTGRES_URL is not set: PostgreSQL runs cannot be skipped")
        }
        url.path = "/loa_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        let database = try #require(url.string)
        try await PostgresStore.createDatabase(at: database)
        return try await StoreLocation.postgres(url: database).open()
    }

    /// A store holding ``Sample/rows``.
    func seededStore() async throws -> any Store {
        let store = try await makeStore()
        let counts = try await store.importResidents(Sample.rows, columns: .all, actor: "test")
        #expect(counts == ImportCounts(added: Sample.rows.count))
        return store
    }
}

/// Residents used across the contract tests: two hamlets, three groups, one without Zalo or groups.
enum Sample {
    static func phone(_ text: String) -> PhoneNumber {
        do { return try PhoneNumber(parsing: text) } catch { fatalError("bad sample phone \(text): \(error)") }
    }

    static let rows: [ResidentInput] = [
        ResidentInput(
            name: "Nguyễn Văn An", phone: phone("0912345678"), zaloID: "8412000000000001",
            hamlet: "Thông Nhất", groups: ["Hội Nông dân"]),
        ResidentInput(
            name: "Trần Thị Bình", phone: phone("0987654321"), hamlet: "Thông Nhất",
            groups: ["Hội Phụ nữ", "Hội Nông dân"]),
        ResidentInput(name: "Lê Văn Cường", phone: phone("0901234567"), hamlet: "Đồng Tâm", groups: ["Đoàn Thanh niên"]),
        ResidentInput(name: "Phạm Thị Dung", phone: phone("0356789012"), hamlet: "Đồng Tâm"),
    ]

    static func draft(
        _ audience: [AudienceSelector], kind: NoticeKind = .notice, sendAt: Date = Date()
    ) -> NoticeDraft {
        NoticeDraft(
            kind: kind, title: "Họp thôn", body: "Mời bà con dự họp.", audience: audience,
            channels: try! ChannelPolicy(parsing: "zalo>sms"), sendAt: sendAt,
            meetingAt: kind == .convocation ? sendAt.addingTimeInterval(86_400) : nil, createdBy: "test")
    }
}
