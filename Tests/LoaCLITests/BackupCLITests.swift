import Foundation
import GRDB
import LoaSimulator
import LoaTesting
import Testing

/// `loa db backup` while `loa run` records a broadcast: the copy opens, passes SQLite's integrity
/// check and holds every committed notice and message. Loa's files are the owner's alone, and
/// `loa run` says so when `loa.toml` is not.
@Suite("loa db backup and file modes", .serialized)
struct BackupCLITests {
    static let residents = 3000

    static func mode(_ path: String) -> Int? {
        (try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int).map { $0 & 0o777 }
    }

    @Test
    func aBackupTakenDuringABroadcastIsWholeAndPrivate() async throws {
        var options = SimulatorOptions()
        options.seed = 18
        options.latency = .milliseconds(1) ... .milliseconds(4)
        let simulator = GatewaySimulator(options: options)
        let port = try await simulator.start()
        defer { Task { await simulator.stop() } }
        let cli = try CLI()
        let first = try await cli.queueBroadcast(residents: Self.residents, simulatorPort: port)
        let second = try await cli.ok("notice", "create", "--title", "Lịch tiêm phòng", "--body", "Tiêm phòng gia súc.", "--to", "all")
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let directory = cli.runner.directory.path

        let run = try cli.runner.start(["run", "--until-idle", "--no-server", "--workers", "8"], log: "run.log")
        try await Task.sleep(for: .milliseconds(300))
        let wasRunning = run.isRunning
        let backup = try await cli.run("db", "backup", "copy.db")
        #expect(backup.status == 0, "\(backup.stderr)")
        #expect(backup.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "copy.db")
        try await onOwnThread { run.waitUntilExit() }
        #expect(run.terminationStatus == 0)
        #expect(wasRunning, "the backup was taken while loa run was sending")

        let copy = try DatabaseQueue(path: "\(directory)/copy.db")
        let (integrity, notices, messages) = try await copy.read { db in
            (
                try String.fetchOne(db, sql: "PRAGMA integrity_check"),
                try String.fetchAll(db, sql: "SELECT id FROM notices ORDER BY id"),
                try Int.fetchOne(db, sql: "SELECT count(*) FROM messages") ?? 0
            )
        }
        try copy.close()
        #expect(integrity == "ok")
        #expect(notices == [first, second].sorted(), "every notice committed before the backup")
        #expect(messages == 2 * Self.residents, "every message of both notices")
        let shown = try #require(try await cli.json("--db", "sqlite:copy.db", "notice", "show", first) as? [String: Any])
        #expect(shown["messages"] as? Int == Self.residents, "loa opens the copy")

        for file in ["loa.db", "loa.db-wal", "loa.db-shm", "copy.db"] where FileManager.default.fileExists(atPath: "\(directory)/\(file)") {
            #expect(Self.mode("\(directory)/\(file)") == 0o600, "\(file): \(String(Self.mode("\(directory)/\(file)") ?? 0, radix: 8))")
        }
        let again = try await cli.run("db", "backup", "copy.db")
        #expect(again.status == 1 && again.stderr.contains("already exists"), "\(again.stderr)")

        // The test wrote loa.toml with the usual 0644: loa run warns; at 0600 it does not.
        let log = try String(contentsOfFile: "\(directory)/run.log", encoding: .utf8)
        #expect(log.contains("warning: loa.toml is readable by everyone (mode 644)"), "\(log.prefix(500))")
        #expect(chmod("\(directory)/loa.toml", 0o600) == 0)
        let quiet = try await cli.run("run", "--until-idle", "--no-server")
        #expect(quiet.status == 0 && !quiet.stderr.contains("readable by"), "\(quiet.stderr)")
    }
}
