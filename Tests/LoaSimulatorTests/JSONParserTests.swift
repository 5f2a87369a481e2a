@testable import LoaSimulator
import Testing

@Suite("JSON reading of request bodies")
struct JSONParserTests {
    @Test("Objects, arrays, escapes, surrogate pairs and numbers")
    func values() throws {
        let text = #" {"a":"Th\u00f4ng Nh\u1ea5t \ud83d\ude00\n\"q\"","b":[1,-2.5e1,true,false,null],"#
            + #""c":{},"d":84912345678} "#
        let value = try #require(JSONValue.parse(Array(text.utf8)))
        #expect(value["a"] == .string("Thông Nhất 😀\n\"q\""))
        #expect(value["b"] == .array([.integer(1), .number(-25), .bool(true), .bool(false), .null]))
        #expect(value["c"] == .object([:]))
        #expect(value["d"]?.scalarText == "84912345678")
        #expect(JSONValue.parse(Array("Họp thôn".utf8)) == nil)
    }

    @Test("Malformed input is refused", arguments: [
        "", "{", "{\"a\":}", "{\"a\" 1}", "[1,]", "{\"a\":1,}", "\"unterminated", "tru", "nul", "1 2",
        "{\"a\":\"\\x\"}", "\"\\ud800\"", "\"tab\there\"", "NaN", "-", "+1", "{a:1}",
        String(repeating: "[", count: 100) + String(repeating: "]", count: 100),
    ])
    func malformed(text: String) {
        #expect(JSONValue.parse(Array(text.utf8)) == nil)
    }

    @Test("Invalid UTF-8 inside a string is refused")
    func invalidUTF8() {
        #expect(JSONValue.parse([0x22, 0xC3, 0x28, 0x22]) == nil)
    }
}
