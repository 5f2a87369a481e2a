import Foundation
import GRDB
@testable import LoaStore
import Testing

/// The C-API statement wrapper the dispatch rounds use: values go in and come back unchanged, and
/// every failure is a thrown error that names the statement, after which the statement still works.
@Suite("Raw SQLite statements")
struct RawStatementTests {
    func database() throws -> DatabaseQueue {
        let queue = try DatabaseQueue()
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE t (id INTEGER PRIMARY KEY, n INTEGER, s TEXT UNIQUE, flag INTEGER)")
        }
        return queue
    }

    @Test func valuesRoundTrip() throws {
        try database().write { db in
            var insert = try RawStatement(db, sql: "INSERT INTO t (id, n, s, flag) VALUES (?, ?, ?, ?)")
            let rows: [(Int64, Int64?, String?, Bool)] = [
                (1, Int64.max, "Nguyễn Thị Hằng", true), (2, nil, "", false), (3, -7, nil, true),
            ]
            for (id, n, s, flag) in rows {
                insert.bind(id)
                insert.bind(n)
                insert.bind(s)
                insert.bind(flag)
                try insert.run()
            }
            var select = try RawStatement(db, sql: "SELECT id, n, s, flag FROM t WHERE id >= ? ORDER BY id")
            select.bind(Int64(1))
            var read: [(Int64, Int64?, String?, Bool)] = []
            try select.forEachRow { row in
                read.append((row.int64(0), row.isNull(1) ? nil : row.int64(1), row.text(2), row.int64(3) != 0))
            }
            #expect(read.map(\.0) == [1, 2, 3])
            #expect(read.map(\.1) == [Int64.max, nil, -7])
            #expect(read.map(\.2) == ["Nguyễn Thị Hằng", "", nil], "an empty text stays text, not NULL")
            #expect(read.map(\.3) == [true, false, true])
        }
    }

    @Test func aFailedStepThrowsNamingTheStatementAndTheStatementIsReusable() throws {
        try database().write { db in
            var insert = try RawStatement(db, sql: "INSERT INTO t (id, s) VALUES (?, ?)")
            insert.bind(Int64(1))
            insert.bind("a")
            try insert.run()
            insert.bind(Int64(2))
            insert.bind("a")
            let error = try #require(throws: DatabaseError.self) { try insert.run() }
            #expect(error.resultCode == .SQLITE_CONSTRAINT)
            #expect(error.sql?.contains("INSERT INTO t") == true)
            insert.bind(Int64(2))
            insert.bind("b")
            try insert.run()
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM t") == 2)
        }
    }

    @Test func aBindingPastTheParametersIsReportedByTheRun() throws {
        try database().write { db in
            var insert = try RawStatement(db, sql: "INSERT INTO t (id) VALUES (?)")
            insert.bind(Int64(1))
            insert.bind("one too many")
            let error = try #require(throws: DatabaseError.self) { try insert.run() }
            #expect(error.resultCode == .SQLITE_RANGE)
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM t") == 0, "nothing ran")
            insert.bind(Int64(1))
            try insert.run()
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM t") == 1)
        }
    }
}
