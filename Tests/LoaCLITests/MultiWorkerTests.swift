import Foundation
import LoaSimulator
import LoaTesting
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Several `loa run` processes on one PostgreSQL database share a broadcast: no message goes to
/// the gateway from two live workers, the work is spread across them, and when one is killed the
/// others finish its claims once its lease runs out (SPEC §3 `--db postgres://…`, §8).
@Suite("Several loa run workers on one PostgreSQL database", .serialized)
struct MultiWorkerTests {
    static let residents = 50_000
    static let workers = 32
    static let processes = 3

    static var server: String? {
        ProcessInfo.processInfo.environment["LOA_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Under `CI=true` the test must run: a missing server fails it rather than skipping it.
    static var runs: Bool { server != nil || ProcessInfo.processInfo.environment["CI"] == "true" }

    @Test(.enabled(if: runs, "LOA_TEST_POSTGRES_URL is unset"))
    func threeWorkersShareABroadcastAndFinishAKilledOnesClaims() async throws {
        let server = try #require(
            Self.server, "CI=true but LOA_TEST_POSTGRES_URL is unset: run scripts/test, which starts PostgreSQL")
        let started = ContinuousClock.now
        let database = try await Self.createDatabase(on: server)
        defer { Task { _ = try? await Self.psql(server, "DROP DATABASE IF EXISTS \(database.name) WITH (FORCE)") } }

        var options = SimulatorOptions()
        options.seed = 9
        options.latency = .milliseconds(1) ... .milliseconds(4)
        let simulator = GatewaySimulator(options: options)
        let port = try await simulator.start()
        defer { Task { await simulator.stop() } }

        var cli = try CLI()
        cli.runner.environment["LOA_DB"] = database.url
        let notice = try await cli.queueBroadcast(residents: Self.residents, simulatorPort: port)
        let prepared = ContinuousClock.now

        let arguments = ["run", "--until-idle", "--no-server", "--workers", String(Self.workers), "--lease", "3s"]
        var running: [Process] = []
        for index in 0..<Self.processes {
            running.append(try cli.runner.start(arguments, log: "run-\(index).log"))
        }
        defer { for process in running where process.isRunning { kill(process.processIdentifier, SIGKILL) } }

        // Kill one worker about a second in, once sending is well under way for all of them.
        let victim = running[0]
        try await Task.sleep(for: .seconds(1))
        for _ in 0..<300 {
            let accepted = try await Self.psql(database.url, "SELECT count(*) FROM messages WHERE state = 'accepted'")
            if (Int(accepted.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0) >= Self.residents / 20 { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        try #require(victim.isRunning, "the worker to kill ended before it could be killed")
        kill(victim.processIdentifier, SIGKILL)
        victim.waitUntilExit()
        #expect(victim.terminationReason == .uncaughtSignal)
        // What the killed worker held: its leases (`lease_owner` is `host:pid`) and their unfinished
        // attempts. Read well inside the 3 s lease, after the server has seen the connection drop.
        try await Task.sleep(for: .milliseconds(300))
        let held = Set(try await Self.psql(database.url, """
            SELECT a.idempotency_key FROM messages m JOIN attempts a ON a.message_id = m.id
            WHERE m.lease_owner LIKE '%:\(victim.processIdentifier)' AND a.finished_at IS NULL
            """).split(separator: "\n").map(String.init))
        #expect(!held.isEmpty, "the killed worker held no claims")
        #expect(held.count <= 4 * Self.workers, "a worker holds at most claimAhead × workers jobs: \(held.count)")

        // The survivors wait for the killed worker's leases to run out, then send what it held.
        var sent: [Int] = []
        for (index, process) in running.enumerated().dropFirst() {
            let status = await Self.exitStatus(of: process, within: .seconds(120))
            let log = (try? String(contentsOf: cli.runner.directory.appendingPathComponent("run-\(index).log"), encoding: .utf8)) ?? ""
            #expect(status == 0, "worker \(index) → \(status.map(String.init) ?? "still running after 120 s"): \(log.suffix(2000))")
            sent.append(try #require(Self.sentCount(log: log), "worker \(index) printed no `done:` line: \(log.suffix(2000))"))
        }
        let finished = ContinuousClock.now

        let show = try #require(try await cli.json("notice", "show", notice) as? [String: Any])
        #expect((show["states"] as? [String: Int]) == ["accepted": Self.residents], "\(show["states"] ?? "")")

        let stats = simulator.stats(includingKeys: true)[.webhook]
        #expect(stats.keys.count == Self.residents, "every message reached the gateway")
        // The attempts table has no worker column: the kill is the only thing that leaves an attempt
        // unfinished, and whoever retakes the message marks it `interrupted`. So every interrupted
        // attempt must be one the killed worker held, every held one gets retaken, and a key reaches
        // the gateway twice only if the killed worker held it (a live worker never re-sends).
        let interrupted = try await Self.psql(
            database.url, "SELECT idempotency_key FROM attempts WHERE outcome = 'interrupted'"
        ).split(separator: "\n").map(String.init)
        #expect(Set(interrupted) == held, "interrupted attempts are exactly the killed worker's claims")
        #expect(interrupted.count == Set(interrupted).count, "each held claim is interrupted once")
        let resent = stats.resentKeys
        #expect(resent.count <= 4 * Self.workers, "re-sends are bounded by what was in flight: \(resent.count)")
        for (key, arrivals) in resent {
            #expect(held.contains(key) && arrivals == 2, "key \(key) sent \(arrivals) times")
        }
        let counts = try await Self.psql(database.url, """
            SELECT count(*), count(*) FILTER (WHERE outcome = 'accepted'),
                   (SELECT count(*) FROM (SELECT message_id FROM attempts GROUP BY message_id
                                          HAVING count(DISTINCT idempotency_key) > 1) AS rekeyed)
            FROM attempts
            """).trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "|").compactMap { Int($0) }
        #expect(counts == [Self.residents + interrupted.count, Self.residents, 0],
                "attempts: total, accepted, messages re-sent under a new key")

        // Work is spread: each survivor sent a real share, and the killed worker had recorded some.
        for (index, count) in sent.enumerated() {
            #expect(count >= Self.residents / 10, "worker \(index + 1) sent only \(count)")
        }
        let killedRecorded = Self.residents - sent.reduce(0, +)
        #expect(killedRecorded > 0, "the killed worker recorded no sends before it died")
        Terminal.record(
            "multi-worker test: survivors sent \(sent.map(String.init).joined(separator: " + ")), the killed worker "
                + "recorded \(killedRecorded) and held \(held.count); \(resent.count) re-sent keys; "
                + "setup \(prepared - started), broadcast \(finished - prepared)")
    }

    /// Waits for `process` to end without holding a cooperative thread; kills it after `limit`
    /// and returns nil.
    static func exitStatus(of process: Process, within limit: Duration) async -> Int32? {
        let deadline = ContinuousClock.now + limit
        while process.isRunning {
            if ContinuousClock.now >= deadline {
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
                return nil
            }
            try? await Task.sleep(for: .milliseconds(100))
        }
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// The messages one `loa run` recorded as sent, from its closing `done: sent N, …` line.
    static func sentCount(log: String) -> Int? {
        let prefix = "done: sent "
        guard let line = log.split(separator: "\n").last(where: { $0.hasPrefix(prefix) }) else { return nil }
        return Int(line.dropFirst(prefix.count).prefix { $0.isNumber })
    }

    /// Runs one SQL command with `psql` and returns its unaligned, tuples-only output. The wait
    /// happens on a thread of its own, as in `CommandRunner.run`.
    static func psql(_ url: String, _ sql: String) async throws -> String {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(with: Result { try psqlBlocking(url, sql) })
            }
        }
    }

    static func psqlBlocking(_ url: String, _ sql: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["psql", "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1", "-d", url, "-c", sql]
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "psql \(sql) → \(process.terminationStatus): \(String(decoding: message, as: UTF8.self))")
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// `psql` failed; the description carries its message.
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// A new empty database on the server; returns its name and URL.
    static func createDatabase(on server: String) async throws -> (name: String, url: String) {
        let name = "loa_workers_" + UUID().uuidString.prefix(8).lowercased()
        _ = try await psql(server, "CREATE DATABASE \(name)")
        var components = try #require(URLComponents(string: server))
        components.path = "/" + name
        return (name, try #require(components.string))
    }
}
