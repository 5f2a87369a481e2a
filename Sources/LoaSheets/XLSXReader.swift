import Foundation

/// Reads the first worksheet of an Office Open XML workbook (`.xlsx`).
public enum XLSXReader {
    /// The first sheet's rows, in order, empty rows left out.
    public static func firstSheet(_ data: Data) throws(SheetError) -> [SheetRow] {
        throw SheetError("reading .xlsx is not built yet")
    }
}
