import Foundation

/// One row of a worksheet as text, with the row number the spreadsheet shows (1-based).
public struct SheetRow: Sendable, Equatable {
    public var number: Int
    public var cells: [String]

    public init(number: Int, cells: [String]) {
        self.number = number
        self.cells = cells
    }
}

/// Why a file could not be read as a workbook, in words for the person who uploaded it.
public struct SheetError: Error, Equatable, CustomStringConvertible {
    public var description: String

    public init(_ description: String) {
        self.description = description
    }
}
