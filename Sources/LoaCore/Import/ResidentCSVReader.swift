/// Reads a resident file in batches, so a large import can show progress and write as it goes.
///
/// The file's bytes are held once; rows exist only in the batch being handed out. A record with
/// invalid UTF-8 becomes a rejection and reading continues; an unclosed quote ends the import with
/// ``ResidentCSVError/unreadable(_:)``, which may come after earlier batches, so callers that
/// write batches should do so in one transaction.
public struct ResidentCSVReader: Sendable {
    private var csv: CSVReader
    private var rows: ResidentTable
    private var finished = false

    /// Finds the header row (title rows above it are skipped) and checks that the name and phone
    /// columns are there.
    public init(bytes: [UInt8]) throws(ResidentCSVError) {
        var finder = ResidentHeaderFinder()
        var found: CSVRecord?
        do {
            csv = try CSVReader(bytes: bytes)
            while found == nil, let record = try csv.next() {
                if finder.isHeader(record.fields) { found = record }
            }
        } catch {
            throw .unreadable(error)
        }
        guard let header = found else { throw finder.failure }
        rows = try ResidentTable(header: header.fields, delimiter: csv.delimiter)
        // A resident row is rarely under 40 bytes; the cap keeps a huge file from over-allocating.
        rows.reserveCapacity(rows: min(bytes.count / 40, 1 << 20))
    }

    /// The optional columns the file carries.
    public var columns: ResidentColumns { rows.columns }
    /// Non-empty headers that name no known field.
    public var ignoredHeaders: [String] { rows.ignoredHeaders }
    /// The file's field delimiter.
    public var delimiter: UInt8 { csv.delimiter }
    /// Share of the file read so far, from 0 to 1.
    public var progress: Double { csv.fractionRead }

    /// The next batch of up to `maxRows` data rows (accepted plus rejected), or nil at the end.
    public mutating func nextBatch(maxRows: Int = 1_000) throws(ResidentCSVError) -> ResidentCSVBatch? {
        guard !finished else { return nil }
        var batch = ResidentCSVBatch()
        var taken = 0
        while taken < max(maxRows, 1) {
            let record: CSVRecord
            do {
                guard let next = try csv.next() else {
                    finished = true
                    break
                }
                record = next
            } catch .invalidUTF8(let line) {
                batch.rejections.append(ResidentRejection(line: line, problems: [.notUTF8]))
                taken += 1
                continue
            } catch {
                throw .unreadable(error)
            }
            switch rows.read(record) {
            case .accepted(let resident): batch.residents.append(resident)
            case .rejected(let rejection): batch.rejections.append(rejection)
            case nil: continue
            }
            taken += 1
        }
        batch.progress = progress
        if finished && taken == 0 { return nil }
        return batch
    }

    /// Reads a whole resident file at once.
    public static func parse(_ bytes: [UInt8]) throws(ResidentCSVError) -> ResidentCSVResult {
        var reader = try ResidentCSVReader(bytes: bytes)
        var result = ResidentCSVResult(
            residents: [], rejections: [], columns: reader.columns, ignoredHeaders: reader.ignoredHeaders)
        while let batch = try reader.nextBatch(maxRows: 10_000) {
            result.residents += batch.residents
            result.rejections += batch.rejections
        }
        return result
    }
}

extension CSVError {
    /// The error as a row rejection reason, without the line (the rejection carries it).
    var reasonForRow: String {
        switch self {
        case .invalidUTF8:
            "text is not UTF-8 (save the file from Excel as “CSV UTF-8”)"
        default:
            description
        }
    }
}
