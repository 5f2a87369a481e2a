@testable import LoaCore
import Testing

@Suite("CSV reader")
struct CSVReaderTests {
    private func records(_ text: String) throws -> [CSVRecord] {
        var reader = try CSVReader(string: text)
        return try reader.readAll()
    }

    @Test("Comma, CRLF, physical line numbers")
    func plain() throws {
        #expect(try records("name,phone\r\nAn,0912345678\r\n") == [
            CSVRecord(line: 1, fields: ["name", "phone"]), CSVRecord(line: 2, fields: ["An", "0912345678"]),
        ])
    }

    @Test("A UTF-8 BOM is skipped and `;` is sniffed from the header")
    func bomAndSemicolon() throws {
        var reader = try CSVReader(string: "\u{FEFF}Họ tên;SĐT\nAn, Bình;0912\n")
        #expect(reader.delimiter == UInt8(ascii: ";"))
        #expect(try reader.readAll().map(\.fields) == [["Họ tên", "SĐT"], ["An, Bình", "0912"]])
    }

    @Test("Delimiter sniffing", arguments: [
        ("a,b,c\n1;2;3", UInt8(ascii: ",")),
        ("a;b;c\n1,2,3", UInt8(ascii: ";")),
        ("a\tb\tc\n1,2", 0x09),
        ("\"a,b,c\";d\n", UInt8(ascii: ";")),
        ("\n\r\na;b\n", UInt8(ascii: ";")),
        ("single\n", UInt8(ascii: ",")),
        ("", UInt8(ascii: ",")),
    ])
    func sniffing(text: String, delimiter: UInt8) throws {
        #expect(try CSVReader(string: text).delimiter == delimiter)
    }

    @Test("Excel's sep= line sets the delimiter and is not a record")
    func separatorHint() throws {
        var reader = try CSVReader(string: "sep=;\r\na,b;c\r\n")
        #expect(reader.delimiter == UInt8(ascii: ";"))
        #expect(try reader.readAll() == [CSVRecord(line: 2, fields: ["a,b", "c"])])
    }

    @Test("Quoted fields hold quotes, delimiters and line breaks; lines keep counting")
    func quoted() throws {
        let text = "name,note\r\n\"Lê \"\"Tí\"\"\",\"dòng 1\r\ndòng 2, vẫn thế\"\r\nB,\"\"\r\n\"x\ny\nz\",c\nlast,1"
        #expect(try records(text) == [
            CSVRecord(line: 1, fields: ["name", "note"]),
            CSVRecord(line: 2, fields: ["Lê \"Tí\"", "dòng 1\r\ndòng 2, vẫn thế"]),
            CSVRecord(line: 4, fields: ["B", ""]),
            CSVRecord(line: 5, fields: ["x\ny\nz", "c"]),
            CSVRecord(line: 8, fields: ["last", "1"]),
        ])
    }

    @Test("LF, CR and CRLF line ends; blank lines skipped but counted", arguments: ["\n", "\r", "\r\n"])
    func lineEnds(end: String) throws {
        let text = ["a,b", "", "1,2", "", "", "3,4"].joined(separator: end) + end
        #expect(try records(text).map(\.line) == [1, 3, 6])
        #expect(try records(text).map(\.fields) == [["a", "b"], ["1", "2"], ["3", "4"]])
    }

    @Test("Empty and trailing fields are kept; rows may differ in length")
    func emptyFields() throws {
        #expect(try records("a,b,\n,,\nx\n").map(\.fields) == [["a", "b", ""], ["", "", ""], ["x"]])
        #expect(try records("a,").map(\.fields) == [["a", ""]])
    }

    @Test("Stray quotes are kept literally")
    func strayQuotes() throws {
        #expect(try records("Nguyễn \"Bé\" Ba,\"x\"y,z\n").map(\.fields) == [["Nguyễn \"Bé\" Ba", "xy", "z"]])
    }

    @Test("An unclosed quote names the line it opened on")
    func unterminated() throws {
        var reader = try CSVReader(string: "a,b\n1,\"open\n2,3\n")
        _ = try reader.next()
        #expect(throws: CSVError.unterminatedQuote(line: 2, recordLine: 2)) { try reader.next() }
    }

    @Test("Invalid UTF-8 fails its record only, with its line")
    func invalidUTF8() throws {
        let bytes = Array("a,b\n".utf8) + [0x4C, 0xEA, 0x2C, 0x31, 0x0A] + Array("ok,2\n".utf8)
        var reader = try CSVReader(bytes: bytes)
        #expect(try reader.next()?.line == 1)
        #expect(throws: CSVError.invalidUTF8(line: 2)) { try reader.next() }
        #expect(try reader.next() == CSVRecord(line: 3, fields: ["ok", "2"]))
        #expect(try reader.next() == nil)
        #expect(reader.fractionRead == 1)
    }

    @Test("UTF-16 files are refused")
    func utf16() {
        #expect(throws: CSVError.utf16) { try CSVReader(bytes: [0xFF, 0xFE, 0x61, 0x00]) }
    }

    @Test("UTF-8 validation", arguments: [
        ([0x61], true), ([0xC3, 0xA1], true), ([0xE1, 0xBB, 0x87], true), ([0xF0, 0x9F, 0x91, 0x8D], true),
        ([0xC0, 0x80], false), ([0xE0, 0x80, 0xAF], false), ([0xED, 0xA0, 0x80], false),
        ([0xF4, 0x90, 0x80, 0x80], false), ([0xF5, 0x80, 0x80, 0x80], false), ([0xE1, 0xBB], false),
        ([0x80], false), ([0xC3, 0x41], false),
    ] as [([UInt8], Bool)])
    func validation(bytes: [UInt8], valid: Bool) {
        #expect(bytes.withUnsafeBufferPointer(UTF8Validation.isValid) == valid)
        #expect(bytes.withUnsafeBufferPointer(UTF8Validation.isValid) == (String(validating: bytes, as: UTF8.self) != nil))
    }
}
