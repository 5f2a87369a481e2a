extension Dice {
    /// The entry of `entries` drawn for `purpose` and `subject`, each entry as likely as its share
    /// of the total weight; `entries` must not be empty.
    func pick<Entry>(
        from entries: [Entry], weight: KeyPath<Entry, Int>, _ purpose: Purpose, _ subject: String
    ) -> Entry {
        let total = entries.reduce(0) { $0 + $1[keyPath: weight] }
        var mark = unit(purpose, subject) * Double(total)
        for entry in entries {
            mark -= Double(entry[keyPath: weight])
            if mark < 0 { return entry }
        }
        return entries[entries.count - 1]
    }
}
