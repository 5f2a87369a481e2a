import Foundation
import LoaSheets
import Testing

@Suite("xlsx")
struct XLSXRoundTripTests {
    @Test
    func notAWorkbookIsRefusedByName() {
        #expect(throws: SheetError.self) { try XLSXReader.firstSheet(Data("name;phone\n".utf8)) }
    }
}
