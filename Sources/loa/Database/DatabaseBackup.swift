import ArgumentParser
import Foundation
import LoaStore

/// `loa db backup PATH` (SPEC §3): a consistent copy of the SQLite database, taken while `loa run`
/// goes on writing.
struct DatabaseBackup: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy the SQLite database to a new file, consistently, while loa run keeps working.",
        discussion: """
            Uses SQLite's online backup from one read snapshot: the copy holds every notice, message and \
            event committed when it starts. PATH must not exist; the copy is readable by its owner only. \
            Restore by stopping loa run and putting the copy in place of the database file.
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The new file to write.")
    var path: String

    func run() async throws {
        let store = try await global.store()
        guard let sqlite = store as? SQLiteStore else {
            throw UserError("loa db backup copies an SQLite database; back PostgreSQL up with pg_dump")
        }
        do {
            try await sqlite.backup(to: path)
        } catch let error as StoreError {
            throw UserError(error.description)
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        Terminal.out(path)
        Terminal.info("backed up to \(path) (\(size / 1024) KiB)")
    }
}
