import PostgresNIO

/// One result row, read by column name.
struct PGRow {
    let raw: PostgresRandomAccessRow

    subscript<Value: PostgresDecodable>(_ column: String) -> Value {
        get throws { try raw[column].decode(Value.self) }
    }

    subscript<Value: PostgresDecodable>(_ index: Int) -> Value {
        get throws { try raw[index].decode(Value.self) }
    }
}

extension PGRow: StoredRow {
    func text(_ column: String) throws -> String { try self[column] }
    func optionalText(_ column: String) throws -> String? { try self[column] }
    func integer(_ column: String) throws -> Int64 { try self[column] }
    func optionalInteger(_ column: String) throws -> Int64? { try self[column] }
    func flag(_ column: String) throws -> Bool { try self[column] }
}

extension PostgresBindings {
    /// Bindings for `$1`, `$2`… in order.
    static func of(_ values: any PostgresDynamicTypeEncodable...) -> PostgresBindings {
        var binds = PostgresBindings(capacity: values.count)
        for value in values { binds.append(value) }
        return binds
    }
}

extension PostgresConnection {
    /// Every row of `query`.
    func rows(_ query: PostgresQuery) async throws -> [PGRow] {
        try await self.query(query, logger: PostgresStore.logger).collect().map { PGRow(raw: $0.makeRandomAccess()) }
    }

    /// The first column of the first row, if there is a row.
    func value<Value: PostgresDecodable>(_ query: PostgresQuery, as type: Value.Type = Value.self) async throws -> Value? {
        guard let row = try await self.query(query, logger: PostgresStore.logger).collect().first else { return nil }
        return try row.makeRandomAccess()[0].decode(Value.self)
    }

    /// Runs a statement; returns how many rows it returned (write `RETURNING 1` to count changes).
    @discardableResult
    func run(_ query: PostgresQuery) async throws -> Int {
        try await self.query(query, logger: PostgresStore.logger).collect().count
    }
}
