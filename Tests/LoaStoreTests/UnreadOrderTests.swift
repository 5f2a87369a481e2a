import Foundation
import GRDB
import LoaCore
@testable import LoaStore
import Testing

/// The order of `loa unread` (hamlet, then name as a Vietnamese reader sorts it, then resident id)
/// and the stored sort keys it relies on.
@Suite("Unread order")
struct UnreadOrderTests {
    /// Names sharing their first 14 folded bytes and more, with and without accents, in hamlets
    /// whose names fold alike: the sorter must agree with a plain sort by folded text.
    @Test func sorterAgreesWithSortingFoldedText() {
        let hamlets: [Int64: String] = [1: "Tân Lập", 2: "Đồng Tâm", 3: "Tan Lap", 4: "Bình Minh"]
        let families = ["Nguyễn", "Nguyen", "Ngô", "Đỗ", "Do", "Trần", "Lê"]
        let middles = ["Văn", "Thị", "Thi", "Hữu", "Thị Thu", "Văn Văn Văn"]
        let givens = ["An", "Ánh", "Anh", "Hùng", "Hung", "Hà", "Ha", "Hạnh", "Bé", "Thị Thu Hằng", "Thị Thu Hà"]
        var generator = SystemRandomNumberGenerator()
        var entries: [(UnreadEntry, Int64?)] = []
        for id in 1...3_000 {
            let name = [families.randomElement(using: &generator)!, middles.randomElement(using: &generator)!,
                        givens.randomElement(using: &generator)!].joined(separator: " ")
            let hamlet: Int64? = id % 11 == 0 ? nil : Int64.random(in: 1...4, using: &generator)
            entries.append((UnreadEntry(
                residentID: Int64(id), name: name, phone: nil, hamlet: hamlet.flatMap { hamlets[$0] }, state: .failed,
                lastError: nil), hamlet))
        }
        entries.shuffle(using: &generator)
        var sorter = UnreadSorter(hamlets: hamlets)
        for (entry, hamlet) in entries { sorter.add(entry, hamlet: hamlet, sortKey: entry.name.matchKey) }
        let expected = entries.map(\.0).sorted {
            ($0.hamlet?.matchKey ?? "", $0.name.matchKey, $0.residentID) < ($1.hamlet?.matchKey ?? "", $1.name.matchKey, $1.residentID)
        }
        #expect(sorter.sorted().map(\.residentID) == expected.map(\.residentID))
        // Two ranges of residents sorted apart and merged, as the SQLite store reads them.
        var lower = UnreadSorter(hamlets: hamlets)
        var upper = UnreadSorter(hamlets: hamlets)
        for (entry, hamlet) in entries {
            if entry.residentID <= 1_234 {
                lower.add(entry, hamlet: hamlet, sortKey: entry.name.matchKey)
            } else {
                upper.add(entry, hamlet: hamlet, sortKey: entry.name.matchKey)
            }
        }
        let merged = UnreadSorter.merge(lower.sortedPart(), upper.sortedPart())
        #expect(merged.map(\.residentID) == expected.map(\.residentID))
        #expect(UnreadSorter.merge(UnreadSorter.Part(), UnreadSorter(hamlets: hamlets).sortedPart()).isEmpty)
    }

    @Test(arguments: StoreBackend.available)
    func aRenamedResidentMovesInTheList(backend: StoreBackend) async throws {
        let store = try await backend.makeStore()
        let rows = [
            ResidentInput(name: "Bùi Văn Nam", phone: Sample.phone("0912000001"), hamlet: "Tân Lập"),
            ResidentInput(name: "Lê Thị Hoa", phone: Sample.phone("0912000002"), hamlet: "Tân Lập"),
        ]
        _ = try await store.importResidents(rows, columns: .all, actor: "test")
        var renamed = rows[0]
        renamed.name = "Trần Văn Nam"
        _ = try await store.importResidents([renamed], columns: .all, actor: "test")
        let notice = try await store.createNotice(Sample.draft([.all], sendAt: Date()))
        let unread = try await store.unread(notice: notice.id, filter: UnreadFilter())
        #expect(unread.map(\.name) == ["Lê Thị Hoa", "Trần Văn Nam"])
    }

    /// A database written before migration 0007 gets every resident's sort key when it is opened.
    @Test func anOlderSQLiteDatabaseGetsItsSortKeys() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("loa-order-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("loa.db").path
        let queue = try DatabaseQueue(path: path)
        try SQLiteMigrations.migrator.migrate(queue, upTo: "0006_report_counts")
        try await queue.write { db in
            try db.execute(sql: """
                INSERT INTO hamlets (id, name, key) VALUES (1, 'Tân Lập', 'tân lập');
                INSERT INTO residents (name, phone, hamlet_id, created_at, updated_at) VALUES
                    ('Đỗ Văn Hùng', '+84912000001', 1, 0, 0), ('Do Van Anh', '+84912000002', 1, 0, 0),
                    ('Bùi Văn Nam', '+84912000003', 1, 0, 0);
                """)
        }
        try queue.close()
        let store = try SQLiteStore(path: path)
        let keys = try await store.pool.read { db in try String.fetchAll(db, sql: "SELECT sort_key FROM residents ORDER BY id") }
        #expect(keys == ["do van hung", "do van anh", "bui van nam"])
        let notice = try await store.createNotice(Sample.draft([.all], sendAt: Date()))
        let unread = try await store.unread(notice: notice.id, filter: UnreadFilter())
        #expect(unread.map(\.name) == ["Bùi Văn Nam", "Do Van Anh", "Đỗ Văn Hùng"])
    }

    /// The same on PostgreSQL, where the keys are computed in Swift inside the migration's transaction.
    @Test(.enabled(if: StoreBackend.available.contains(.postgres)))
    func anOlderPostgresDatabaseGetsItsSortKeys() async throws {
        let store = try #require(try await StoreBackend.freshPostgresStore() as? PostgresStore)
        _ = try await store.importResidents(
            [ResidentInput(name: "Đỗ Văn Hùng", phone: Sample.phone("0912000001"), hamlet: "Tân Lập"),
             ResidentInput(name: "Do Van Anh", phone: Sample.phone("0912000002"), hamlet: "Tân Lập")],
            columns: .all, actor: "test")
        // Back to the schema before 0007, keeping the rows.
        try await store.write { db in
            _ = try await db.run("DROP INDEX messages_unread")
            _ = try await db.run("ALTER TABLE residents DROP COLUMN sort_key")
            _ = try await db.run("DELETE FROM schema_migrations WHERE name = '0007_unread_list'")
        }
        try await PostgresMigrations.migrate(store)
        let keys = try await store.read { db in
            try await db.rows("SELECT sort_key FROM residents ORDER BY id").map { try $0["sort_key"] as String }
        }
        #expect(keys == ["do van hung", "do van anh"])
    }
}
