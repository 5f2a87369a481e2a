/// Refuses a database that a newer `loa` migrated: this build would read and write tables whose
/// meaning it does not know, so it leaves the database exactly as it found it.
enum SchemaCheck {
    /// Throws a ``StoreError/Kind/newerSchema`` error when `applied` names a migration missing from `known`.
    static func refuseNewer(applied: some Sequence<String>, known: [String]) throws(StoreError) {
        let unknown = Set(applied).subtracting(known).sorted()
        guard let first = unknown.first else { return }
        let more = unknown.count > 1 ? " and \(unknown.count - 1) more" : ""
        throw StoreError(
            .newerSchema, "database schema is newer than this loa (unknown migration \(first)\(more)); upgrade loa")
    }
}
