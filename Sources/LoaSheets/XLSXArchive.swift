import Foundation
import ZIPFoundation

/// A workbook's ZIP container opened in memory, handing out parts with a size bound.
struct XLSXArchive {
    /// The most one part may hold once inflated, so a small ZIP bomb cannot exhaust memory.
    static let maxPartBytes = 256 * 1024 * 1024

    private let archive: Archive

    init(_ data: Data) throws(SheetError) {
        guard data.starts(with: [0x50, 0x4B, 0x03, 0x04]) else {
            throw SheetError("not an .xlsx file (an .xlsx file is a ZIP archive; save the sheet as “Excel Workbook (.xlsx)”)")
        }
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            throw SheetError("not an .xlsx file: the ZIP archive is damaged or incomplete")
        }
    }

    /// The part at `path`, or an error saying `missing`.
    func part(_ path: String, missing: String) throws(SheetError) -> Data {
        guard let data = try partIfPresent(path) else { throw SheetError(missing) }
        return data
    }

    /// The part at `path`, nil when the archive has none.
    func partIfPresent(_ path: String) throws(SheetError) -> Data? {
        guard let entry = archive[path] ?? archive.first(where: { $0.path.caseInsensitiveCompare(path) == .orderedSame }) else {
            return nil
        }
        guard entry.type == .file else { return nil }
        do {
            return try extract(entry)
        } catch is PartTooLarge {
            throw SheetError("\(path) in the workbook is larger than \(Self.maxPartBytes / 1024 / 1024) MB once unpacked")
        } catch {
            throw SheetError("\(path) in the workbook cannot be unpacked: the file is damaged")
        }
    }

    private func extract(_ entry: Entry) throws -> Data {
        var data = Data()
        data.reserveCapacity(Int(min(entry.uncompressedSize, UInt64(Self.maxPartBytes))))
        _ = try archive.extract(entry, skipCRC32: false) { (chunk: Data) throws in
            guard data.count + chunk.count <= Self.maxPartBytes else { throw PartTooLarge() }
            data.append(chunk)
        }
        return data
    }

    private struct PartTooLarge: Error {}
}
