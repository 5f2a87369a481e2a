import Foundation
import LoaCore
import LoaSheets
import NIOPosix

/// A resident file as uploaded or named on the command line: `.xlsx` (told by its ZIP signature,
/// not its name) or CSV, read by the same rules (SPEC §6) for `loa residents import`, the API and
/// the dashboard's upload page.
public enum ResidentFile {
    /// Which kind of file the bytes are.
    public enum Kind: String, Sendable {
        case xlsx, csv
    }

    /// Whether `bytes` start like a ZIP archive (`PK\x03\x04`), as every `.xlsx` does.
    public static func kind(of bytes: [UInt8]) -> Kind {
        bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) ? .xlsx : .csv
    }

    /// `parse(_:)` on NIO's thread pool: a 10 000-row workbook takes seconds, and on Swift's
    /// cooperative threads (two on this machine) it would stall every other request meanwhile.
    static func parseOffPool(_ bytes: [UInt8]) async throws -> Result<ResidentCSVResult, ResidentFileError> {
        try await NIOThreadPool.singleton.runIfActive { () -> Result<ResidentCSVResult, ResidentFileError> in
            do throws(ResidentFileError) { return .success(try parse(bytes)) } catch { return .failure(error) }
        }
    }

    /// Reads the residents of a whole file; rejections carry sheet row numbers for `.xlsx`.
    public static func parse(_ bytes: [UInt8]) throws(ResidentFileError) -> ResidentCSVResult {
        switch kind(of: bytes) {
        case .csv:
            do { return try ResidentCSVReader.parse(bytes) } catch { throw .table(error) }
        case .xlsx:
            let rows: [SheetRow]
            do { rows = try XLSXReader.firstSheet(Data(bytes)) } catch { throw .sheet(error) }
            do {
                return try ResidentTable.parse(rows: rows.map { (number: $0.number, cells: $0.cells) })
            } catch {
                throw .table(error)
            }
        }
    }
}

/// Why a resident file cannot be imported at all.
public enum ResidentFileError: Error, Sendable, CustomStringConvertible {
    /// The workbook cannot be read.
    case sheet(SheetError)
    /// The rows have no usable header, or the CSV cannot be read.
    case table(ResidentCSVError)

    public var description: String {
        switch self {
        case .sheet(let error): error.description
        case .table(let error): error.description
        }
    }
}
