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
    var text: String {
        let measured = ([headers] + rows).map { $0.map { ($0, Self.width(of: $0)) } }
        var widths = Array(repeating: 0, count: headers.count)
        for row in measured {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], cell.1)
            }
        }
        var text = ""
        text.reserveCapacity(measured.count * (widths.reduce(0, +) + 2 * widths.count + 1))
        for (number, row) in measured.enumerated() {
            if number > 0 { text += "\n" }
            var line = ""
            for (index, cell) in row.enumerated() {
                if index > 0 { line += "  " }
                line += cell.0
                if index < row.count - 1, index < widths.count, cell.1 < widths[index] {
                    line += String(repeating: " ", count: widths[index] - cell.1)
                }
            }
            while line.last == " " { line.removeLast() }
            text += line
        }
        return text
    }

    /// Columns a cell takes in a terminal: its Unicode scalars less combining marks.
    static func width(of cell: String) -> Int {
        var width = 0
        for scalar in cell.unicodeScalars {
            switch scalar.value {
            case 0x0300...0x036F, 0x1AB0...0x1AFF, 0x1DC0...0x1DFF, 0x20D0...0x20FF, 0xFE20...0xFE2F: continue
            default: width += 1
            }
        }
        return width
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
