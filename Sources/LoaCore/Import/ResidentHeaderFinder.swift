/// Finds the header row of a resident file: the first row naming at least the name and phone
/// columns. Rows above it (a commune's merged title rows, blank rows) are skipped.
///
/// Fed rows one at a time; when the file ends without a header, ``failure`` tells why, from the
/// row that came closest (most recognised columns, the earliest on a tie).
public struct ResidentHeaderFinder: Sendable {
    private var closest: [String]?
    private var closestCount = -1

    public init() {}

    /// Whether `cells` is the header row.
    public mutating func isHeader(_ cells: [String]) -> Bool {
        guard cells.contains(where: { !$0.trimmingBlanks.isEmpty }) else { return false }
        let fields = Set(cells.compactMap { cell -> ResidentTable.Field? in
            let title = cell.trimmingBlanks
            return title.isEmpty ? nil : ResidentTable.aliases[ResidentTable.headerKey(title)]
        })
        if fields.contains(.name) && fields.contains(.phone) { return true }
        if fields.count > closestCount {
            closest = cells
            closestCount = fields.count
        }
        return false
    }

    /// Why no header was found: an empty file, or the columns the closest row lacks.
    public var failure: ResidentCSVError {
        guard let closest else { return .noHeader }
        do {
            _ = try ResidentTable(header: closest)
            return .noHeader
        } catch {
            return error
        }
    }
}

extension ResidentTable {
    /// Reads a whole file given as numbered rows (a spreadsheet's): finds the header, then reads
    /// each row after it. Groups are split on `;`, `|` and `,`; rejections say `row N`.
    public static func parse(rows: [(number: Int, cells: [String])]) throws(ResidentCSVError) -> ResidentCSVResult {
        var finder = ResidentHeaderFinder()
        guard let headerIndex = rows.firstIndex(where: { finder.isHeader($0.cells) }) else { throw finder.failure }
        var table = try ResidentTable(header: rows[headerIndex].cells, splitsGroupsOnComma: true, rowWord: "row")
        table.reserveCapacity(rows: rows.count - headerIndex)
        var result = ResidentCSVResult(residents: [], rejections: [], columns: table.columns, ignoredHeaders: table.ignoredHeaders)
        result.residents.reserveCapacity(rows.count - headerIndex)
        for row in rows[(headerIndex + 1)...] {
            switch table.read(row: row.number, cells: row.cells) {
            case .accepted(let resident): result.residents.append(resident)
            case .rejected(let rejection): result.rejections.append(rejection)
            case nil: continue
            }
        }
        return result
    }
}
