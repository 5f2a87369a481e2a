import ArgumentParser
import Foundation
import Logging

/// The `loa` command: notices to residents over Zalo and SMS, and the measured reach.
@main
struct Loa: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "loa",
        abstract: "Send commune notices over Zalo and SMS and measure who they reached.",
        version: LoaVersion.description,
        subcommands: [
            Demo.self, Residents.self, NoticeCommand.self, RunCommand.self, ReportCommand.self, UnreadCommand.self,
            AckCommand.self, RepliesCommand.self, ChannelsCommand.self, TokenCommand.self, AccountCommand.self, SimulateCommand.self,
            DatabaseCommand.self,
        ]
    )

    /// `--db` and `--config` are global (SPEC §3): written before the subcommand, they move to its end,
    /// where every subcommand's `GlobalOptions` reads them.
    static func hoistingGlobalOptions(_ arguments: [String]) -> [String] {
        var leading: [String] = []
        var rest = arguments[...]
        while let first = rest.first, first.hasPrefix("--") {
            let name = first.split(separator: "=", maxSplits: 1)[0]
            guard name == "--db" || name == "--config" else { break }
            leading.append(rest.removeFirst())
            if !first.contains("="), let value = rest.first {
                leading.append(value)
                rest.removeFirst()
            }
        }
        return Array(rest) + leading
    }

    /// SPEC §3's exit statuses: 0 success, 1 user error (one line naming the problem), 2 usage error.
    static func main() async {
        LoggingSystem.bootstrap(MaskingLogHandler.init(label:))
        FileModes.restrictNewFiles()
        do {
            var command = try parseAsRoot(hoistingGlobalOptions(Array(CommandLine.arguments.dropFirst())))
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let error as UserError {
            Terminal.error(error.message)
            Foundation.exit(1)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                exit(withError: error)
            } else if code == .validationFailure {
                Terminal.error(fullMessage(for: error))
                Foundation.exit(2)
            } else if let described = UserError(describing: error) {
                Terminal.error(described.message)
                Foundation.exit(1)
            } else {
                exit(withError: error)
            }
        }
    }
}
