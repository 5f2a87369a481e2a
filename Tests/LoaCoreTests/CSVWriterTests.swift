import LoaCore
import Testing

@Suite("CSV writer")
struct CSVWriterTests {
    @Test(arguments: [
        ("Nguyễn Văn An", "Nguyễn Văn An"),
        ("Thôn 1, Xã 2", "\"Thôn 1, Xã 2\""),
        ("Excel; Việt", "\"Excel; Việt\""),
        ("nói \"OK\"", "\"nói \"\"OK\"\"\""),
        ("dòng 1\r\ndòng 2", "\"dòng 1\r\ndòng 2\""),
        ("dòng 1\ndòng 2", "\"dòng 1\ndòng 2\""),
        ("", ""),
    ])
    func fieldsAreQuotedOnlyWhenTheyMustBe(field: String, expected: String) {
        #expect(CSVWriter.escape(field) == expected)
    }

    @Test
    func recordsEndInCRLF() {
        var writer = CSVWriter()
        writer.append(["resident", "name"])
        writer.append(["7", "Trần Thị Bình"])
        #expect(writer.text == "resident,name\r\n7,Trần Thị Bình\r\n")
    }
}
