import Foundation
import LoaSimulator
import LoaTesting
import Testing

/// `loa db copy` moves a commune from SQLite to PostgreSQL: every listing and report reads the same
/// afterwards, and the copy goes on working (new notices, sends) on PostgreSQL. Needs the server in
/// `LOA_TEST_POSTGRES_URL` (scripts/test starts one); under CI=true it fails instead of skipping.
@Suite("loa db copy", .serialized)
struct DatabaseCopyTests {
    static var server: String? {
        ProcessInfo.processInfo.environment["LOA_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    static var runs: Bool { server != nil || ProcessInfo.processInfo.environment["CI"] == "true" }

    @Test(.enabled(if: runs))
    func aCopiedCommuneReadsTheSameOnPostgreSQL() async throws {
        let server = try #require(Self.server, "CI=true but LOA_TEST_POSTGRES_URL is not set")
        var target = try #require(URLComponents(string: server))
        target.path = "/loa_copy_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(12).lowercased()
        let postgres = try #require(target.string)

        var options = SimulatorOptions()
        options.seed = 3
        let simulator = GatewaySimulator(options: options)
        let port = try await simulator.start()
        defer { Task { await simulator.stop() } }
        var cli = try CLI()
        try cli.writeWebhookConfig(simulatorPort: port)
        _ = try await cli.ok("residents", "import", try cli.fixture("messy-excel.csv"))
        let notice = try await cli.ok(
            "notice", "create", "--kind", "convocation", "--title", "Họp thôn", "--body", "Kính mời bà con dự họp.",
            "--to", "all", "--meeting", "2030-01-12 08:00", "--channels", "hook", "--remind", "2h"
        ).trimmingCharacters(in: .whitespacesAndNewlines)
        let run = try await cli.run("run", "--until-idle", "--no-server", "--workers", "4")
        #expect(run.status == 0, "\(run.stderr)")
        let residents = try #require(try await cli.json("residents", "list") as? [[String: Any]])
        let phone = try #require(residents.first?["phone"] as? String)
        _ = try await cli.ok("ack", notice, "--resident", phone, "--via", "in-person")
        _ = try await cli.ok("token", "create", "--role", "auditor", "--label", "kiem-tra")

        let reads = [
            ["report", notice, "--by", "hamlet"], ["report", notice, "--by", "channel"], ["report", notice, "--by", "group"],
            ["unread", notice], ["unread", notice, "--not-acked"], ["residents", "list"], ["notice", "list"],
            ["notice", "show", notice],
        ]
        var before: [String] = []
        for read in reads { before.append(try await cli.runner.run(read + ["--format", "json"]).stdout) }

        let copy = try await cli.runner.run(["db", "copy", "--from", "sqlite:loa.db", "--to", postgres, "--format", "json"])
        #expect(copy.status == 0, "\(copy.stderr)")
        let tables = try #require(try JSONSerialization.jsonObject(with: Data(copy.stdout.utf8)) as? [[String: Any]])
        let counts = Dictionary(uniqueKeysWithValues: tables.map { ($0["table"] as? String ?? "", $0["target"] as? Int ?? -1) })
        #expect(counts["residents"] == residents.count)
        #expect((counts["attempts"] ?? 0) >= residents.count, "history is copied")
        #expect(tables.allSatisfy { ($0["source"] as? Int) == ($0["target"] as? Int) })

        cli.runner.environment["LOA_DB"] = postgres
        for (read, expected) in zip(reads, before) {
            let after = try await cli.runner.run(read + ["--format", "json"])
            #expect(after.status == 0, "\(after.stderr)")
            #expect(after.stdout == expected, "loa \(read.joined(separator: " ")) reads differently after the copy")
        }
        // A second copy into the same database is refused and changes nothing.
        let again = try await cli.runner.run(["db", "copy", "--from", "sqlite:loa.db", "--to", postgres])
        #expect(again.status == 1)
        #expect(again.stderr.contains("already holds data"), "\(again.stderr)")

        // The copy keeps working: ids continue after the copied ones and a new notice is sent.
        let next = try await cli.ok(
            "notice", "create", "--title", "Thông báo", "--body", "Lịch cắt điện.", "--to", "all", "--channels", "hook"
        ).trimmingCharacters(in: .whitespacesAndNewlines)
        let second = try await cli.run("run", "--until-idle", "--no-server", "--workers", "4")
        #expect(second.status == 0, "\(second.stderr)")
        let show = try #require(try await cli.json("notice", "show", next) as? [String: Any])
        let states = try #require(show["states"] as? [String: Int])
        #expect(states["accepted"] == residents.filter { $0["phone"] is String || $0["zalo"] is String }.count, "\(states)")
    }
}
