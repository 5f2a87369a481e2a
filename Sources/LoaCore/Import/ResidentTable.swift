/// Turns the rows of a resident file (SPEC §6), CSV records or spreadsheet rows, into
/// ``ResidentInput``s and rejections.
///
/// Built from the header row, it then reads data rows one at a time and remembers the phone
/// numbers it accepted, so that a number repeated later in the file is rejected naming the line
/// (or sheet row) where it first appeared. Rows whose cells are all blank (Excel's `;;;;`) are skipped.
public struct ResidentTable: Sendable {
    /// What one data row became.
    public enum Row: Sendable, Equatable {
        case accepted(ResidentInput)
        case rejected(ResidentRejection)
    }

    /// The optional columns the header carries.
    public let columns: ResidentColumns
    /// Non-empty headers that name no known field.
    public let ignoredHeaders: [String]
    /// Column position per field, indexed by `Field.slot`; -1 where the file has no such column.
    private let positions: [Int]
    private let splitsOnComma: Bool
    /// How rejections name a row: `line` for CSV, `row` for a spreadsheet.
    private let rowWord: String
    private var firstLine: [PhoneNumber: Int] = [:]

    /// Maps the header cells of a CSV file to fields; `delimiter` is the file's, since `;` files
    /// may also separate groups with `,`.
    public init(header: [String], delimiter: UInt8 = UInt8(ascii: ",")) throws(ResidentCSVError) {
        try self.init(header: header, splitsGroupsOnComma: delimiter == UInt8(ascii: ";"), rowWord: "line")
    }

    /// Maps the header cells to fields; groups are also split on `,` when `splitsGroupsOnComma`;
    /// rejections name rows with `rowWord` (`line`, `row`).
    public init(header: [String], splitsGroupsOnComma: Bool, rowWord: String) throws(ResidentCSVError) {
        var ignored: [String] = []
        var index: [Field: Int] = [:]
        for (position, cell) in header.enumerated() {
            let title = cell.trimmingBlanks
            guard !title.isEmpty else { continue }
            guard let field = Self.aliases[Self.headerKey(title)] else {
                ignored.append(title)
                continue
            }
            if let earlier = index[field] {
                throw .duplicateColumn(field: field.rawValue, first: header[earlier].trimmingBlanks, second: title)
            }
            index[field] = position
        }
        let missing = [Field.name, .phone].filter { index[$0] == nil }.map(\.rawValue)
        guard missing.isEmpty else {
            throw .missingColumns(missing: missing, found: header.map(\.trimmingBlanks).filter { !$0.isEmpty })
        }
        var columns: ResidentColumns = []
        if index[.zalo] != nil { columns.insert(.zalo) }
        if index[.hamlet] != nil { columns.insert(.hamlet) }
        if index[.groups] != nil { columns.insert(.groups) }
        if index[.channels] != nil { columns.insert(.channels) }
        self.columns = columns
        ignoredHeaders = ignored
        positions = Field.allCases.map { index[$0] ?? -1 }
        splitsOnComma = splitsGroupsOnComma
        self.rowWord = rowWord
    }

    /// Reads one data record: a resident, a rejection, or nil for a blank row.
    public mutating func read(_ record: CSVRecord) -> Row? {
        read(row: record.line, cells: record.fields)
    }

    /// Reads one data row numbered `line` (the file's line or the sheet's row): a resident, a
    /// rejection, or nil for a blank row.
    public mutating func read(row line: Int, cells fields: [String]) -> Row? {
        guard fields.contains(where: { $0.unicodeScalars.contains { !$0.isBlank } }) else { return nil }
        func cell(_ field: Field) -> String {
            let position = positions[field.slot]
            guard position >= 0, position < fields.count else { return "" }
            return fields[position].trimmingBlanks
        }
        var problems: [ResidentProblem] = []
        let name = cell(.name).collapsingBlanks
        if name.isEmpty { problems.append(.missingName) }
        var phone: PhoneNumber?
        let phoneText = cell(.phone)
        if phoneText.isEmpty {
            problems.append(.missingPhone)
        } else {
            do { phone = try PhoneNumber(parsing: phoneText) } catch { problems.append(.phone(error)) }
        }
        let zalo = cell(.zalo)
        if Self.looksLikeScientificNotation(zalo) { problems.append(.zaloAsNumber(zalo)) }
        guard problems.isEmpty, let phone else { return .rejected(ResidentRejection(line: line, problems: problems)) }
        // One hash per row: insert, and put the earlier line back on the rare duplicate.
        if let first = firstLine.updateValue(line, forKey: phone) {
            firstLine[phone] = first
            return .rejected(ResidentRejection(
                line: line, problems: [.duplicatePhone(phone.e164, first: first, rowWord: rowWord)]))
        }
        let hamlet = cell(.hamlet).collapsingBlanks
        return .accepted(ResidentInput(
            line: line, name: name, phone: phone, zaloID: zalo.isEmpty ? nil : zalo,
            hamlet: hamlet.isEmpty ? nil : hamlet, groups: list(cell(.groups), lowercased: false),
            channels: list(cell(.channels), lowercased: true)))
    }

    /// Sizes the duplicate-phone table for about `rows` data rows.
    mutating func reserveCapacity(rows: Int) {
        firstLine.reserveCapacity(rows)
    }

    /// Splits a groups or channels cell, dropping empty items and repeats (compared by `matchKey`).
    private func list(_ text: String, lowercased: Bool) -> [String] {
        guard !text.isEmpty else { return [] }
        // Items are made NFC by ResidentInput.
        var items: [String] = []
        let utf8 = text.utf8
        var start = utf8.startIndex
        while start <= utf8.endIndex {
            let end = utf8[start...].firstIndex(where: isListSeparator) ?? utf8.endIndex
            let item = text[start..<end].collapsingBlanks
            if !item.isEmpty { items.append(lowercased ? item.lowercased() : item) }
            guard end < utf8.endIndex else { break }
            start = utf8.index(after: end)
        }
        guard items.count > 1 else { return items }
        var keys: [String] = []
        return items.filter { item in
            let key = item.matchKey
            guard !keys.contains(key) else { return false }
            keys.append(key)
            return true
        }
    }

    private func isListSeparator(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ";") || byte == UInt8(ascii: "|") || (splitsOnComma && byte == UInt8(ascii: ","))
    }

    /// True for Excel's rendering of a long digit string, such as `1.23457E+18`.
    private static func looksLikeScientificNotation(_ text: String) -> Bool {
        guard let first = text.utf8.first, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) else { return false }
        return text.contains("E+") || text.contains("e+")
    }
}
