import ArgumentParser
import Foundation
import LoaCore
import LoaStore

/// `loa-bench store`: the database's share of dispatching, without the network. Claims the due
/// messages of a database in rounds and records each round's jobs as accepted in the next round,
/// the way `loa run` does when every send succeeds at once.
struct StoreBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store",
        abstract: "Measure the store's claim and record rounds on a database with due messages.",
        discussion: """
            Prints {"messages","rounds","seconds","mps","cpu_user_s","cpu_sys_s","us_per_message"}. \
            The database is changed: every due message ends accepted.
            """
    )

    @Option(help: "The database, as for loa --db (sqlite:PATH or postgres://…).")
    var db: String

    @Option(help: "Messages claimed and recorded per round.")
    var round = 32

    func validate() throws {
        guard round > 0 else { throw ValidationError("--round must be positive") }
    }

    func run() async throws {
        let store = try await StoreLocation(parsing: db).open()
        let worker = "loa-bench:\(ProcessInfo.processInfo.processIdentifier)"
        var pending: [DispatchOutcome] = []
        var messages = 0
        var rounds = 0
        let usageBefore = ResourceUsage.now()
        let start = ContinuousClock.now
        repeat {
            let now = Date()
            let jobs = try await store.dispatchRound(
                recording: pending, worker: worker,
                claiming: ClaimRequest(now: now, limit: round, worker: worker, lease: .seconds(120)))
            messages += pending.count
            rounds += 1
            pending = jobs.map { job in
                DispatchOutcome(
                    messageID: job.messageID, attemptID: job.attemptID, attemptOutcome: MessageState.accepted.rawValue,
                    state: .accepted, nextAt: nil, channelStep: job.channelStep, attemptCount: job.attemptCount,
                    finishedAt: now)
            }
        } while !pending.isEmpty
        let elapsed = ContinuousClock.now - start
        let usage = ResourceUsage.now() - usageBefore
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let cpu = usage.user + usage.system
        BenchOutput.print([
            ("messages", String(messages)),
            ("rounds", String(rounds)),
            ("seconds", BenchOutput.format(seconds)),
            ("mps", BenchOutput.format(Double(messages) / seconds, decimals: 0)),
            ("cpu_user_s", BenchOutput.format(usage.user)),
            ("cpu_sys_s", BenchOutput.format(usage.system)),
            ("us_per_message", BenchOutput.format(messages > 0 ? cpu / Double(messages) * 1e6 : .nan, decimals: 1)),
        ])
    }
}
