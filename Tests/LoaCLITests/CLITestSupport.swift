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
