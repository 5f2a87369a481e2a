import GRDB

extension Row: StoredRow {
    func text(_ column: String) -> String { self[column] }
    func optionalText(_ column: String) -> String? { self[column] }
    func integer(_ column: String) -> Int64 { self[column] }
    func optionalInteger(_ column: String) -> Int64? { self[column] }
    func flag(_ column: String) -> Bool { self[column] }
}
