import Foundation
import LoaSimulator
import LoaStore
import LoaTesting
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// SPEC §8: `kill -9` of `loa run` at any moment loses nothing, and re-sends after a crash are
/// limited to the requests that were in flight, each with its original idempotency key.
@Suite("Crash safety of loa run", .serialized)
struct CrashTests {
    static let residents = 20_000
    static let workers = 32

    @Test
    func killingLoaRunLosesNothingAndResendsOnlyWhatWasInFlight() async throws {
        var options = SimulatorOptions()
        options.seed = 8
        options.latency = .milliseconds(1) ... .milliseconds(4)
        let simulator = GatewaySimulator(options: options)
        let port = try await simulator.start()
        defer { Task { await simulator.stop() } }

        let cli = try CLI()
        let notice = try await cli.queueBroadcast(residents: Self.residents, simulatorPort: port)

        let arguments = ["run", "--until-idle", "--no-server", "--workers", String(Self.workers), "--lease", "2s"]
        var kills = 0
        var generator = SystemRandomNumberGenerator()
        for round in 1...4 {
            let process = try cli.runner.start(arguments, log: "run-\(round).log")
            // Kill at a random moment once sending is under way (or earlier, in the first round).
            let wait = Double.random(in: (round == 1 ? 0.2 : 0.5)...1.5, using: &generator)
            try await Task.sleep(for: .milliseconds(Int(wait * 1000)))
            guard process.isRunning else { break }
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            #expect(process.terminationReason == .uncaughtSignal)
            kills += 1
        }
        #expect(kills >= 2, "the broadcast finished before the process could be killed twice")
        let final = try await cli.runner.run(arguments)
        #expect(final.status == 0, "\(final.stderr)")

        let show = try #require(try await cli.json("notice", "show", notice) as? [String: Any])
        #expect((show["states"] as? [String: Int]) == ["accepted": Self.residents], "\(show["states"] ?? "")")

        let stats = simulator.stats(includingKeys: true)[.webhook]
        #expect(stats.keys.count == Self.residents, "every message reached the gateway")
        let resent = stats.resentKeys
        // What a kill can lose is what its process had claimed and not yet recorded: at most
        // `claimAhead` (4) jobs per sender (claimed ahead, on the wire, or answered but not recorded).
        #expect(resent.count <= kills * 4 * Self.workers, "re-sends are bounded by what was in flight: \(resent.count)")
        // A key arrives once more for each attempt of it that a kill interrupted, never otherwise.
        let interrupted = try await interruptedAttempts(
            database: cli.runner.directory.appendingPathComponent("loa.db").path, notice: notice)
        for (key, arrivals) in resent {
            #expect(arrivals <= 1 + (interrupted[key] ?? 0), "key \(key) sent \(arrivals) times")
        }
        let interruptedCount = interrupted.values.reduce(0, +)
        #expect(interruptedCount <= kills * 4 * Self.workers)
        Terminal.record(
            "crash test: \(kills) kills, \(interruptedCount) interrupted attempts, \(resent.count) re-sent keys, "
                + "\(resent.values.reduce(0, +) - resent.count) extra requests")
    }

    /// How many attempts of each key a restarted worker found unfinished (a killed process had them
    /// in flight).
    func interruptedAttempts(database: String, notice: String) async throws -> [String: Int] {
        let store = try SQLiteStore(path: database)
        var keys: [String: Int] = [:]
        for message in try await store.messages(notice: notice) {
            let attempts = try await store.attempts(message: message.id)
            #expect(Set(attempts.map(\.idempotencyKey)).count == 1, "a re-send reuses its key")
            for attempt in attempts where attempt.outcome == "interrupted" { keys[attempt.idempotencyKey, default: 0] += 1 }
        }
        return keys
    }
}

enum Terminal {
    /// A line for the test log (the closing note quotes it).
    static func record(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
