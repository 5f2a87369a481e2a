import Foundation
import LoaTesting
import Testing

/// A fresh working directory with the `loa` binary, and the bundled fixture files.
struct CLI {
    var runner: CommandRunner


    init() throws {
        runner = try CommandRunner()
    }

    @discardableResult
    func run(_ arguments: String..., input: Data? = nil) async throws -> CommandRunner.Result {
        try await runner.run(arguments, input: input)
    }

    /// Runs a command that must succeed and returns its stdout.
    func ok(_ arguments: String...) async throws -> String {
        let result = try await runner.run(arguments)
        #expect(result.status == 0, "loa \(arguments.joined(separator: " ")) → \(result.status): \(result.stderr)")
        return result.stdout
    }

    /// Runs a command that must succeed and decodes its JSON stdout.
    func json(_ arguments: String...) async throws -> Any {
        let result = try await runner.run(arguments + ["--format", "json"])
        #expect(result.status == 0, "loa \(arguments.joined(separator: " ")) → \(result.status): \(result.stderr)")
        return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
    }

    /// Copies a fixture from `Tests/LoaCLITests/Data` into the working directory.
    func fixture(_ name: String) throws -> String {
        let url = try #require(Bundle.module.url(forResource: "Data/\(name)", withExtension: nil))
        return try runner.write(name, Data(contentsOf: url))
    }
}

extension CLI {
    /// A `loa.toml` with no quiet hours and one `hook` webhook channel to the simulator on `port`.
    func writeWebhookConfig(simulatorPort port: Int) throws {
        try runner.write("loa.toml", Data("""
            [commune]
            quiet_hours = "none"

            [[channels]]
            name = "hook"
            kind = "webhook"
            url = "http://127.0.0.1:\(port)/webhook/loa"
            """.utf8))
    }

    /// `count` synthetic residents in five hamlets, the webhook configuration, and one notice to all
    /// of them through it; returns the notice id.
    func queueBroadcast(residents count: Int, simulatorPort port: Int) async throws -> String {
        var csv = "name,phone,hamlet\n"
        for index in 0..<count {
            csv += "Cư dân \(index),09\(String(format: "%08d", 10_000_000 + index)),Thôn \(index % 5)\n"
        }
        try runner.write("residents.csv", Data(csv.utf8))
        try writeWebhookConfig(simulatorPort: port)
        _ = try await ok("residents", "import", "residents.csv")
        return try await ok("notice", "create", "--title", "Thông báo", "--body", "Họp dân", "--to", "all")
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
