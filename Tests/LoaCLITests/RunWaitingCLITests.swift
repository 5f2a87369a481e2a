import Foundation
import LoaSimulator
import Testing

/// `loa run --until-idle` says what it waits for, and `--no-server` says what cannot arrive.
@Suite("loa run --until-idle never looks hung", .serialized)
struct RunWaitingCLITests {
    @Test
    func aChannelAwaitingReceiptsShowsTheWaitingLine() async throws {
        let simulator = GatewaySimulator(options: SimulatorOptions())
        let port = try await simulator.start()
        defer { Task { await simulator.stop() } }
        let cli = try CLI()
        _ = try cli.runner.write("residents.csv", Data("name,phone,hamlet\nAn,0912345678,Đông\nBình,0987654321,Đông\n".utf8))
        _ = try cli.runner.write("loa.toml", Data("""
            [commune]
            quiet_hours = "none"
            [[channels]]
            name = "hook"
            kind = "webhook"
            url = "http://127.0.0.1:\(port)/webhook/loa"
            receipt_timeout = "2s"
            [[channels]]
            name = "hook2"
            kind = "webhook"
            url = "http://127.0.0.1:\(port)/webhook/loa"
            """.utf8))
        _ = try await cli.ok("residents", "import", "residents.csv")
        _ = try await cli.ok("notice", "create", "--title", "Họp", "--body", "Họp dân", "--to", "all", "--channels", "hook>hook2")

        let started = ContinuousClock.now
        let run = try await cli.run("run", "--until-idle", "--no-server")
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stderr.split(separator: "\n").map(String.init)
        let waiting = lines.filter { $0.hasPrefix("waiting: ") }
        #expect(waiting.count == 1, "one line: the reason did not change within 30 s\n\(run.stderr)")
        let line = try #require(waiting.first)
        #expect(line.wholeMatch(of: /waiting: 2 receipts due until \d\d:\d\d/) != nil, "\(line)")
        #expect(lines.contains { $0.hasPrefix("warning: --no-server") && $0.contains("receipt_timeout") })
        #expect(ContinuousClock.now - started < .seconds(15))
        // No receipt can come through this process: after receipt_timeout both went out on hook2 too.
        #expect(run.stderr.contains("done: sent 4,"), "\(run.stderr)")
    }

    @Test
    func noServerWarnsThatNothingCanArriveThroughIt() async throws {
        let cli = try CLI()
        try cli.writeWebhookConfig(simulatorPort: 9)
        let run = try await cli.run("run", "--until-idle", "--no-server")
        #expect(run.status == 0, "\(run.stderr)")
        let warning = try #require(run.stderr.split(separator: "\n").first { $0.hasPrefix("warning: --no-server") })
        #expect(warning.contains("receipts, opens and replies cannot arrive through it"))
        #expect(!warning.contains("receipt_timeout"), "no channel waits for receipts here")
        #expect(!run.stderr.contains("waiting:"), "nothing to wait for")
    }
}
