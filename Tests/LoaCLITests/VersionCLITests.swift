import Foundation
import GRDB
import LoaTesting
import Testing

/// `loa --version`, and an older `loa` meeting a database that a newer one migrated (issue 20).
@Suite("loa --version and a newer database")
struct VersionCLITests {
    @Test
    func versionNamesADevelopmentBuild() async throws {
        let result = try await CLI().run("--version")
        #expect(result.status == 0)
        #expect(result.stdout.wholeMatch(of: /\d+\.\d+\.\d+ \(development build\)\n/) != nil, "\(result.stdout)")
    }

    @Test
    func aDatabaseFromANewerLoaIsRefusedInOneLineAndLeftAlone() async throws {
        let cli = try CLI()
        _ = try await cli.ok("notice", "list")
        let path = cli.runner.directory.appendingPathComponent("loa.db").path
        do {
            let queue = try DatabaseQueue(path: path)
            try await queue.writeWithoutTransaction { db in
                try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('0999_from_a_newer_loa')")
                try db.checkpoint(.truncate)
            }
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let result = try await cli.run("notice", "list")
        #expect(result.status == 1)
        #expect(result.stderr == "loa: database schema is newer than this loa (unknown migration 0999_from_a_newer_loa); upgrade loa\n")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }
}
