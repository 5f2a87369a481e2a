import Foundation

/// Turns one stored cell into the text a person sees in the spreadsheet.
enum XLSXCellText {
    /// The cell's text by its type (`t`): shared string, inline string, formula string, boolean,
    /// error, or a number (the default) written in plain digits.
    static func text(of cell: XLSXWorksheet.Cell, shared: [String]) throws(SheetError) -> String {
        switch cell.t {
        case "s":
            guard let value = cell.v else { return "" }
            guard let index = Int(value.trimmingCharacters(in: .whitespaces)), shared.indices.contains(index) else {
                throw SheetError("cell \(cell.r ?? "?") refers to shared text number \(value), but the workbook has \(shared.count)")
            }
            return shared[index]
        case "inlineStr":
            return nfc(cell.inline?.text ?? cell.v ?? "")
        case "b":
            return cell.v == "1" ? "TRUE" : cell.v == "0" ? "FALSE" : (cell.v ?? "")
        case "str", "e", "d":
            return nfc(cell.v ?? "")
        default:
            return plainNumber(cell.v ?? "")
        }
    }

    /// A number as stored (`912345678`, `9.12345678E8`, `12.50`) in plain decimal digits
    /// (`912345678`, `912345678`, `12.5`), exactly, without going through floating point.
    /// Text that is not a number is returned unchanged.
    static func plainNumber(_ stored: String) -> String {
        let bytes = Array(stored.trimmingCharacters(in: .whitespaces).utf8)
        var index = 0
        var sign = ""
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
            if bytes[index] == UInt8(ascii: "-") { sign = "-" }
            index += 1
        }
        func digitRun() -> ArraySlice<UInt8> {
            let start = index
            while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") { index += 1 }
            return bytes[start..<index]
        }
        let integer = digitRun()
        var fraction: ArraySlice<UInt8> = []
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            fraction = digitRun()
        }
        var exponent = 0
        if index < bytes.count, bytes[index] == UInt8(ascii: "E") || bytes[index] == UInt8(ascii: "e") {
            guard let value = Int(String(decoding: bytes[(index + 1)...], as: UTF8.self)), abs(value) <= 400 else { return stored }
            exponent = value
            index = bytes.count
        }
        guard index == bytes.count, !(integer.isEmpty && fraction.isEmpty) else { return stored }
        let digits = Array(integer) + Array(fraction)
        let point = integer.count + exponent
        var whole: [UInt8]
        var decimals: [UInt8]
        if point <= 0 {
            whole = []
            decimals = Array(repeating: UInt8(ascii: "0"), count: -point) + digits
        } else if point >= digits.count {
            whole = digits + Array(repeating: UInt8(ascii: "0"), count: point - digits.count)
            decimals = []
        } else {
            whole = Array(digits[..<point])
            decimals = Array(digits[point...])
        }
        while whole.first == UInt8(ascii: "0") { whole.removeFirst() }
        while decimals.last == UInt8(ascii: "0") { decimals.removeLast() }
        if whole.isEmpty { whole = [UInt8(ascii: "0")] }
        let body = String(decoding: whole, as: UTF8.self) + (decimals.isEmpty ? "" : "." + String(decoding: decimals, as: UTF8.self))
        return body == "0" ? "0" : sign + body
    }

    /// The zero-based column of a cell reference such as `B7` or `AA12`.
    static func column(of reference: String) throws(SheetError) -> Int {
        var column = 0
        var letters = 0
        for byte in reference.utf8 {
            let upper = byte & ~0x20
            guard upper >= UInt8(ascii: "A"), upper <= UInt8(ascii: "Z") else { break }
            column = column * 26 + Int(upper - UInt8(ascii: "A") + 1)
            letters += 1
            if column > XLSXReader.maxColumns { break }
        }
        guard letters > 0, column <= XLSXReader.maxColumns else {
            throw SheetError("cell reference ‘\(reference)’ is not a cell of a sheet")
        }
        return column - 1
    }

    /// Text in Unicode NFC, so that accents typed as separate marks compare equal; ASCII as is.
    static func nfc(_ text: String) -> String {
        text.utf8.allSatisfy({ $0 < 0x80 }) ? text : text.precomposedStringWithCanonicalMapping
    }
}
