@testable import LoaCore
import Testing

@Suite("SMS length")
struct SMSTextTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var label: String
        var text: String
        var encoding: SMSEncoding
        var units: Int
        var segments: Int
        var perSegment: Int
        var testDescription: String { label }
    }

    static func a(_ count: Int) -> String { String(repeating: "a", count: count) }
    static func ă(_ count: Int) -> String { String(repeating: "ă", count: count) }

    @Test("Encoding, units and segments", arguments: [
        Case(label: "empty", text: "", encoding: .gsm7, units: 0, segments: 1, perSegment: 160),
        Case(label: "160 ASCII", text: a(160), encoding: .gsm7, units: 160, segments: 1, perSegment: 160),
        Case(label: "161 ASCII", text: a(161), encoding: .gsm7, units: 161, segments: 2, perSegment: 153),
        Case(label: "306 ASCII", text: a(306), encoding: .gsm7, units: 306, segments: 2, perSegment: 153),
        Case(label: "307 ASCII", text: a(307), encoding: .gsm7, units: 307, segments: 3, perSegment: 153),
        Case(label: "459 ASCII", text: a(459), encoding: .gsm7, units: 459, segments: 3, perSegment: 153),
        Case(label: "158 + € fits", text: a(158) + "€", encoding: .gsm7, units: 160, segments: 1, perSegment: 160),
        Case(label: "159 + € spills", text: a(159) + "€", encoding: .gsm7, units: 161, segments: 2, perSegment: 153),
        Case(label: "escape pair not split", text: a(152) + "€" + a(152), encoding: .gsm7, units: 306, segments: 3,
             perSegment: 153),
        Case(label: "escape pair on boundary", text: a(151) + "€" + a(153), encoding: .gsm7, units: 306, segments: 2,
             perSegment: 153),
        Case(label: "extension table", text: "^{}\\[~]|€\u{0C}", encoding: .gsm7, units: 20, segments: 1,
             perSegment: 160),
        Case(label: "GSM specials", text: "@£$¥èéùìòÇØøÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ!¤§¿ÄÖÑÜäöñüà\r\n", encoding: .gsm7,
             units: 44, segments: 1, perSegment: 160),
        Case(label: "unaccented Vietnamese", text: "Moi ong ba du hop thon luc 8h", encoding: .gsm7, units: 29,
             segments: 1, perSegment: 160),
        Case(label: "backtick is not GSM", text: "`", encoding: .ucs2, units: 1, segments: 1, perSegment: 70),
        Case(label: "lowercase ç is not GSM", text: "ç", encoding: .ucs2, units: 1, segments: 1, perSegment: 70),
        Case(label: "tab is not GSM", text: "a\tb", encoding: .ucs2, units: 3, segments: 1, perSegment: 70),
        Case(label: "accented", text: "Xác nhận", encoding: .ucs2, units: 8, segments: 1, perSegment: 70),
        Case(label: "NFD counted as NFC", text: "Xa\u{0301}c nha\u{0302}\u{0323}n", encoding: .ucs2, units: 8,
             segments: 1, perSegment: 70),
        Case(label: "70 UCS-2", text: ă(70), encoding: .ucs2, units: 70, segments: 1, perSegment: 70),
        Case(label: "71 UCS-2", text: ă(71), encoding: .ucs2, units: 71, segments: 2, perSegment: 67),
        Case(label: "134 UCS-2", text: ă(134), encoding: .ucs2, units: 134, segments: 2, perSegment: 67),
        Case(label: "135 UCS-2", text: ă(135), encoding: .ucs2, units: 135, segments: 3, perSegment: 67),
        Case(label: "one accent forces UCS-2", text: a(69) + "ư", encoding: .ucs2, units: 70, segments: 1,
             perSegment: 70),
        Case(label: "emoji is 2 units", text: "👍", encoding: .ucs2, units: 2, segments: 1, perSegment: 70),
        Case(label: "68 + emoji fits", text: a(68) + "👍", encoding: .ucs2, units: 70, segments: 1, perSegment: 70),
        Case(label: "69 + emoji spills", text: a(69) + "👍", encoding: .ucs2, units: 71, segments: 2, perSegment: 67),
        Case(label: "surrogate pair not split", text: a(66) + "👍" + a(66), encoding: .ucs2, units: 134,
             segments: 3, perSegment: 67),
    ])
    func measure(_ sample: Case) {
        let info = SMSText.measure(sample.text)
        #expect(info == SMSEncodingInfo(
            encoding: sample.encoding, units: sample.units, segments: sample.segments, perSegment: sample.perSegment))
    }

    @Test("The GSM 03.38 tables have 127 + 10 characters and do not overlap")
    func tableSizes() {
        #expect(SMSText.gsm7Basic.count == 127)
        #expect(SMSText.gsm7Extension.count == 10)
        #expect(SMSText.gsm7Basic.isDisjoint(with: SMSText.gsm7Extension))
    }

    @Test("Printable ASCII is GSM-7 except the backtick; the extension characters count 2")
    func printableASCII() {
        for value in UInt8(0x20)...0x7E {
            let text = String(UnicodeScalar(value))
            let info = SMSText.measure(text)
            if value == UInt8(ascii: "`") {
                #expect(info.encoding == .ucs2)
            } else {
                #expect(info.encoding == .gsm7, "\(text)")
                #expect(info.units == ("^{}\\[~]|".contains(text) ? 2 : 1), "\(text)")
            }
        }
    }
}
