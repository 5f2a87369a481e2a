/// Why a whole resident file cannot be imported; row problems are ``ResidentRejection``s instead.
public enum ResidentCSVError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file has no header row (it is empty or blank).
    case noHeader
    /// Required columns are missing; `missing` holds the field names, `found` the file's headers.
    case missingColumns(missing: [String], found: [String])
    /// Two headers name the same field (e.g. `Phone` and `SĐT`), so which one counts is unclear.
    case duplicateColumn(field: String, first: String, second: String)
    /// The bytes cannot be read as CSV at all.
    case unreadable(CSVError)

    public var description: String {
        switch self {
        case .noHeader:
            return "the file is empty: a header row is required (e.g. Họ và tên;Số điện thoại;Thôn)"
        case .missingColumns(let missing, let found):
            let wanted = missing.map { field in
                "\(field) (\(ResidentTable.headerExamples[field] ?? field))"
            }
            let headers = found.isEmpty ? "none" : found.map { "‘\($0)’" }.joined(separator: ", ")
            return "missing column\(missing.count > 1 ? "s" : ""): \(wanted.joined(separator: "; ")); headers found: \(headers)"
        case .duplicateColumn(let field, let first, let second):
            return "two columns give the \(field): ‘\(first)’ and ‘\(second)’; remove or rename one"
        case .unreadable(let error):
            return error.description
        }
    }
}

/// A data row that was not imported, with the physical line it starts on and why.
public struct ResidentRejection: Sendable, Hashable, CustomStringConvertible {
    /// The physical line the row starts on (the header is line 1), or the sheet's row number.
    public var line: Int
    /// Why the row was rejected, for staff.
    public var reason: String
    /// The same reasons one by one, for pages that say them in Vietnamese; empty when only `reason` is known.
    public var problems: [ResidentProblem]

    public init(line: Int, reason: String) {
        self.line = line
        self.reason = reason
        problems = []
    }

    /// A rejection for `problems`, its `reason` their descriptions joined by `; `.
    public init(line: Int, problems: [ResidentProblem]) {
        self.line = line
        reason = problems.map(\.description).joined(separator: "; ")
        self.problems = problems
    }

    public var description: String { "line \(line): \(reason)" }

    // Two rejections are the same when line and reason are: `problems` only restates the reason.
    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.line == rhs.line && lhs.reason == rhs.reason }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(line)
        hasher.combine(reason)
    }
}

/// A whole resident file read at once.
public struct ResidentCSVResult: Sendable, Equatable {
    /// Accepted rows in file order.
    public var residents: [ResidentInput]
    /// Rejected rows in file order.
    public var rejections: [ResidentRejection]
    /// The optional columns the file carried.
    public var columns: ResidentColumns
    /// Non-empty headers that name no known field; their columns were ignored.
    public var ignoredHeaders: [String]

    public init(
        residents: [ResidentInput], rejections: [ResidentRejection], columns: ResidentColumns, ignoredHeaders: [String]
    ) {
        self.residents = residents
        self.rejections = rejections
        self.columns = columns
        self.ignoredHeaders = ignoredHeaders
    }
}

/// The rows of one slice of a resident file, handed out by ``ResidentCSVReader``.
public struct ResidentCSVBatch: Sendable, Equatable {
    /// Accepted rows in file order.
    public var residents: [ResidentInput]
    /// Rejected rows in file order.
    public var rejections: [ResidentRejection]
    /// Share of the file read once this batch was produced, from 0 to 1.
    public var progress: Double

    public init(residents: [ResidentInput] = [], rejections: [ResidentRejection] = [], progress: Double = 0) {
        self.residents = residents
        self.rejections = rejections
        self.progress = progress
    }
}
