import Foundation
import LoaCore

/// Renders listings as an aligned text table, CSV or JSON.
struct Listing {
    var headers: [String]
    var rows: [[String]] = []

    init(_ headers: [String]) {
        self.headers = headers
    }

    mutating func append(_ row: [String]) {
        rows.append(row)
    }

    /// Columns padded to their widest cell; a cell's width is its letters (combining accents, as in
    /// text typed without NFC, take no column).
    var text: String { String(decoding: bytes, as: UTF8.self) }

    /// `text` as UTF-8, built without intermediate strings (a listing may have 200 000 rows).
    var bytes: [UInt8] {
        let columns = headers.count
        var cellWidths: [Int] = []
        cellWidths.reserveCapacity((rows.count + 1) * columns)
        var widths = Array(repeating: 0, count: columns)
        for row in [headers] + rows {
            for (index, cell) in row.enumerated() {
                let width = Self.width(of: cell)
                cellWidths.append(width)
                if index < columns { widths[index] = max(widths[index], width) }
            }
        }
        var output: [UInt8] = []
        output.reserveCapacity((rows.count + 1) * (widths.reduce(0, +) + 2 * columns + 1))
        var position = 0
        for (number, row) in ([headers] + rows).enumerated() {
            if number > 0 { output.append(0x0A) }
            // Padding is written only when a cell follows it, so no line ends in blanks.
            var pending = 0
            for (index, cell) in row.enumerated() {
                if index > 0 { pending += 2 }
                var cell = cell
                cell.withUTF8 { utf8 in
                    if !utf8.isEmpty {
                        output.append(contentsOf: repeatElement(0x20, count: pending))
                        output.append(contentsOf: utf8)
                        pending = 0
                    }
                }
                if index < columns { pending += widths[index] - cellWidths[position] }
                position += 1
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
        writer.append(headers)
        for row in rows { writer.append(row) }
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
