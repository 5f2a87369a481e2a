import ArgumentParser
import Foundation
import LoaStore

/// `loa db …`: backing the database up, and moving a commune's data between backends.
struct DatabaseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db", abstract: "Back the database up, or move it to PostgreSQL.",
        subcommands: [DatabaseBackup.self, DatabaseCopy.self])
}

/// `loa db copy --from sqlite:PATH --to postgres://…`: the whole database, ids kept, counts verified.
struct DatabaseCopy: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "copy",
        abstract: "Copy a whole SQLite database (residents, notices, messages, history, tokens) into PostgreSQL.",
        discussion: """
            The target database is created when it does not exist and must be empty. Everything is copied \
            in one transaction and each table's row count is checked on both sides; on any mismatch nothing \
            is kept. Stop `loa run` on the SQLite file first.
            """)

    @OptionGroup var output: FormatOption

    @Option(help: "The SQLite database to copy (sqlite:PATH).")
    var from: String

    @Option(help: "The PostgreSQL database to fill (postgres://user@host:port/name).")
    var to: String

    func run() async throws {
        guard case .sqlite(let path) = try StoreLocation(parsing: from) else {
            throw UserError("--from must be an sqlite:PATH database")
        }
        guard FileManager.default.fileExists(atPath: path) else { throw UserError("--from: no database file at \(path)") }
        guard case .postgres(let url) = try StoreLocation(parsing: to) else {
            throw UserError("--to must be a postgres://… database")
        }
        let source = try SQLiteStore(path: path)
        if try await PostgresStore.createDatabase(at: url) { Terminal.info("created the target database") }
        guard let target = try await StoreLocation.postgres(url: url).open() as? PostgresStore else {
            throw UserError("--to did not open a PostgreSQL database")
        }
        let progress = ProgressLine()
        let tables = try await target.copy(from: source) { table, rows in
            progress.show("copying \(table): \(rows) rows")
        }
        progress.finish()
        switch output.format {
        case .json:
            try JSONOutput.print(tables.map { CopiedTableJSON(table: $0.table, source: $0.source, target: $0.target) })
        case .text, .csv:
            var listing = Listing(["table", "sqlite rows", "postgresql rows"])
            for table in tables { listing.append([table.table, String(table.source), String(table.target)]) }
            Terminal.out(output.format == .csv ? listing.csv : listing.text)
            Terminal.info("copied and verified: \(tables.reduce(0) { $0 + $1.target }) rows in \(tables.count) tables")
        }
    }
}

private struct CopiedTableJSON: Encodable {
    var table: String
    var source: Int
    var target: Int
}
