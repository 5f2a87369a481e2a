import Foundation

/// Writes a one-sheet workbook (`.xlsx`) whose cells are all text.
public enum XLSXWriter {
    /// The workbook's bytes: one sheet named `sheet` holding `rows`, the first of them the header.
    public static func workbook(sheet: String, rows: [[String]]) throws(SheetError) -> Data {
        throw SheetError("writing .xlsx is not built yet")
    }
}
