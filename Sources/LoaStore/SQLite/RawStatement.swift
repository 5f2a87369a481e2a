import GRDB
import GRDBSQLite

/// A statement GRDB prepared and caches, bound and stepped through SQLite's C API. The dispatch
/// path runs a few statements once per message; GRDB's argument arrays (an existential and an
/// allocation per value) and row objects cost about as much CPU as SQLite's own work there.
///
/// Use it only inside the write or read closure that made it, and let `run()` or `forEachRow` finish
/// before the next use: each ends by resetting the statement. Nothing observes the store's
/// transactions through GRDB, so stepping past GRDB skips no bookkeeping Loa relies on.
struct RawStatement {
    private let statement: Statement
    private let handle: OpaquePointer
    private let connection: OpaquePointer?
    private var index: Int32 = 0
    /// The first failed binding since the last run (out of range, out of memory), reported by it.
    private var bindFailure = SQLITE_OK

    /// SQLite copies the bytes of a bound text (`SQLITE_TRANSIENT`, a macro Swift cannot import).
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    init(_ db: Database, sql: String) throws {
        statement = try db.cachedStatement(sql: sql)
        handle = statement.sqliteStatement
        connection = db.sqliteConnection
    }

    /// Binds the next parameter.
    mutating func bind(_ value: Int64?) {
        index += 1
        check(value.map { sqlite3_bind_int64(handle, index, $0) } ?? sqlite3_bind_null(handle, index))
    }

    mutating func bind(_ value: Int?) {
        bind(value.map(Int64.init))
    }

    mutating func bind(_ value: Bool) {
        bind(Int64(value ? 1 : 0))
    }

    mutating func bind(_ value: String?) {
        index += 1
        guard var value else {
            check(sqlite3_bind_null(handle, index))
            return
        }
        let index = index
        let code = value.withUTF8 { bytes in
            // A nil pointer would bind NULL, so an empty text gets a pointer of its own.
            if let base = bytes.baseAddress {
                sqlite3_bind_text(handle, index, base, Int32(bytes.count), Self.transient)
            } else {
                sqlite3_bind_text(handle, index, "", 0, Self.transient)
            }
        }
        check(code)
    }

    private mutating func check(_ code: Int32) {
        if code != SQLITE_OK && bindFailure == SQLITE_OK { bindFailure = code }
    }

    /// Runs the statement to its end and readies it for the next binding.
    mutating func run() throws {
        defer { restart() }
        guard bindFailure == SQLITE_OK else { throw error(bindFailure) }
        let code = sqlite3_step(handle)
        guard code == SQLITE_DONE || code == SQLITE_ROW else { throw error(code) }
    }

    /// Steps through the result rows, handing each to `body` with a column reader.
    mutating func forEachRow(_ body: (RawRow) throws -> Void) throws {
        defer { restart() }
        guard bindFailure == SQLITE_OK else { throw error(bindFailure) }
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { return }
            guard code == SQLITE_ROW else { throw error(code) }
            try body(RawRow(handle: handle))
        }
    }

    private mutating func restart() {
        sqlite3_reset(handle)
        index = 0
        bindFailure = SQLITE_OK
    }

    private func error(_ code: Int32) -> DatabaseError {
        let message = connection.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) }
        return DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: statement.sql)
    }
}

/// The current row of a ``RawStatement``, read by column position.
struct RawRow {
    let handle: OpaquePointer

    func isNull(_ column: Int32) -> Bool {
        sqlite3_column_type(handle, column) == SQLITE_NULL
    }

    func int64(_ column: Int32) -> Int64 {
        sqlite3_column_int64(handle, column)
    }

    func int(_ column: Int32) -> Int {
        Int(sqlite3_column_int64(handle, column))
    }

    /// The column as text; nil for NULL.
    func text(_ column: Int32) -> String? {
        guard let bytes = sqlite3_column_text(handle, column) else { return nil }
        let count = Int(sqlite3_column_bytes(handle, column))
        return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    }
}
