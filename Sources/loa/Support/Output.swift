import Foundation
import LoaCore

/// Renders listings as an aligned text table, CSV or JSON.
///
/// Cells are kept in one flat array with their widths measured as they come, so a listing of
/// 200 000 rows costs no array per row and one pass to write.
struct Listing {
    private var cells: [String] = []
    private var cellWidths: [Int] = []
    private var rowEnds: [Int] = []
    private var widths: [Int] = []

    /// A listing under `headers`; without `headerRow` the headers only name the columns (for a
    /// part of a long listing built apart and aligned with `widen(to:)`).
    init(_ headers: [String], headerRow: Bool = true) {
        widths = Array(repeating: 0, count: headers.count)
        if headerRow { append(headers) }
    }

    /// Appends one row.
    mutating func append(_ row: [String]) {
        for cell in row { appendCell(cell) }
        endRow()
    }

    /// Appends a cell to the row being built.
    mutating func appendCell(_ cell: String) {
        let column = cells.count - (rowEnds.last ?? 0)
        let width = Self.width(of: cell)
        if column < widths.count { widths[column] = max(widths[column], width) }
        cells.append(cell)
        cellWidths.append(width)
    }

    /// Widens the columns to `other`'s where those are wider, so both render aligned alike.
    mutating func widen(to other: Listing) {
        for column in widths.indices where column < other.widths.count {
            widths[column] = max(widths[column], other.widths[column])
        }
    }

    /// Ends the row being built.
    mutating func endRow() {
        rowEnds.append(cells.count)
    }

    /// Columns padded to their widest cell; a cell's width is its letters (combining accents, as in
    /// text typed without NFC, take no column).
    var text: String { String(decoding: bytes, as: UTF8.self) }

    /// `text` as UTF-8.
    var bytes: [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(rowEnds.count * (widths.reduce(0, +) + 2 * widths.count + 1))
        var position = 0
        for (number, end) in rowEnds.enumerated() {
            if number > 0 { output.append(0x0A) }
            // Padding is written only when a cell follows it, so no line ends in blanks.
            var pending = 0
            var column = 0
            while position < end {
                if column > 0 { pending += 2 }
                let cell = cells[position]
                if !cell.isEmpty {
                    output.append(contentsOf: repeatElement(0x20, count: pending))
                    if cell.utf8.withContiguousStorageIfAvailable({ output.append(contentsOf: $0) }) == nil {
                        output.append(contentsOf: cell.utf8)
                    }
                    pending = 0
                }
                if column < widths.count { pending += widths[column] - cellWidths[position] }
                position += 1
                column += 1
            }
        }
        return output
    }

    /// Columns a cell takes in a terminal: its Unicode scalars less combining marks, counted on the
    /// UTF-8 bytes (a scalar is a byte that does not continue another).
    static func width(of cell: String) -> Int {
        var cell = cell
        return cell.withUTF8 { utf8 in
            var width = 0
            var index = 0
            while index < utf8.count {
                let byte = utf8[index]
                if byte & 0xC0 != 0x80 { width += 1 }
                // The combining ranges' encodings: U+0300–036F is CC 80 … CD AF; U+1AB0–1AFF is
                // E1 AA B0 … E1 AB BF; U+1DC0–1DFF is E1 B7 80 … E1 B7 BF; U+20D0–20FF is E2 83 90 …
                // E2 83 BF; U+FE20–FE2F is EF B8 A0 … EF B8 AF.
                if byte >= 0xCC {
                    let next = index + 1 < utf8.count ? utf8[index + 1] : 0
                    let third = index + 2 < utf8.count ? utf8[index + 2] : 0
                    let combining = switch byte {
                    case 0xCC: true
                    case 0xCD: next <= 0xAF
                    case 0xE1: (next == 0xAA && third >= 0xB0) || next == 0xAB || next == 0xB7
                    case 0xE2: next == 0x83 && third >= 0x90
                    case 0xEF: next == 0xB8 && (0xA0...0xAF).contains(third)
                    default: false
                    }
                    if combining { width -= 1 }
                }
                index += 1
            }
            return width
        }
    }

    var csv: String {
        var writer = CSVWriter()
        var position = 0
        for end in rowEnds {
            while position < end {
                writer.field(cells[position])
                position += 1
            }
            writer.endRecord()
        }
        return writer.text
    }
}

enum JSONOutput {
    /// Pretty JSON with keys in a stable order and Vietnamese left unescaped.
    static func render(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func print(_ value: some Encodable) throws {
        Terminal.out(try render(value))
    }
}
