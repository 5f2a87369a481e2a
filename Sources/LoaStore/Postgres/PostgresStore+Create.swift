import Foundation
import PostgresNIO

extension PostgresStore {
    /// Creates the database named in `url` on its server when it does not exist yet (connecting to
    /// the server's `postgres` database to do so); returns whether it was created.
    @discardableResult
    public static func createDatabase(at url: String) async throws -> Bool {
        let settings = try PostgresSettings(url: url)
        guard let name = settings.configuration.database,
            !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" })
        else {
            throw StoreError(.unsupportedURL, "the database name in \(settings.redacted) must be letters, digits, _ or -")
        }
        var maintenance = settings.configuration
        maintenance.database = "postgres"
        maintenance.options.maximumConnections = 1
        let client = PostgresClient(configuration: maintenance)
        let runner = Task { await client.run() }
        defer { runner.cancel() }
        do {
            let exists = try await client.withConnection { db in
                try await db.value("SELECT 1 FROM pg_database WHERE datname = \(name)", as: Int32.self) != nil
            }
            if exists { return false }
            // CREATE DATABASE takes no bind parameters; the name was checked above and is quoted.
            _ = try await client.withConnection { db in
                try await db.run(PostgresQuery(unsafeSQL: "CREATE DATABASE \"\(name)\""))
            }
            return true
        } catch {
            throw describe(error, url: settings.redacted)
        }
    }
}
