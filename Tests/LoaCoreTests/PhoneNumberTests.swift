import Foundation
import LoaCore
import Testing

@Suite("Phone numbers")
struct PhoneNumberTests {
    @Test("Common Vietnamese forms normalise to E.164", arguments: [
        ("0912 345 678", "+84912345678"),
        ("0912.345.678", "+84912345678"),
        ("0912-345-678", "+84912345678"),
        ("84912345678", "+84912345678"),
        ("+84912345678", "+84912345678"),
        ("+84-912-345-678", "+84912345678"),
        ("(+84) 912 345 678", "+84912345678"),
        ("+84 (0) 912 345 678", "+84912345678"),
        ("0084912345678", "+84912345678"),
        ("00 84 912 345 678", "+84912345678"),
        ("912345678", "+84912345678"),
        ("  0912345678\t", "+84912345678"),
        ("\u{00A0}0912 345 678\u{00A0}", "+84912345678"),
        ("'0912345678", "+84912345678"),
        ("０９１２３４５６７８", "+84912345678"),
        ("＋８４ ９１２ ３４５ ６７８", "+84912345678"),
        ("0352 123 456", "+84352123456"),
        ("84841234567", "+84841234567"),
        ("841234567", "+84841234567"),
    ])
    func validForms(input: String, e164: String) throws {
        let number = try PhoneNumber(parsing: input)
        #expect(number.e164 == e164)
        #expect(number.national == "0" + e164.dropFirst(3))
        #expect(number.description == e164)
    }

    @Test("Invalid input is rejected with a reason", arguments: [
        ("", "empty phone number"),
        ("   ", "empty phone number"),
        ("'", "empty phone number"),
        ("0212345678", "prefix 021 is not a mobile prefix"),
        ("02438123456", "landline"),
        ("0512345678", "prefix 051 is not a mobile prefix"),
        ("0112345678", "prefix 011 is not a mobile prefix"),
        ("091234567", "too few digits"),
        ("12345", "too few digits"),
        ("09123456789", "too many digits"),
        ("0912abc678", "contains letters"),
        ("gọi 0912345678", "contains letters"),
        ("+1 202 555 0143", "country code +1 is not +84"),
        ("+33 6 12 34 56 78", "country code +33"),
        ("0033612345678", "country code +33"),
        ("0912345678 / 0987654321", "unexpected character ‘/’"),
        ("09+12345678", "‘+’ may only start"),
        ("01212345678", "converted to 10 digits in 2018"),
        ("01212345678", "0121 became 079, so this is probably 0792345678"),
        ("+84 1662 345 678", "0166 became 036"),
        ("01992345678", "0199 became 059"),
        ("01012345678", "0101 has no known new prefix"),
    ])
    func invalidForms(input: String, reason: String) {
        #expect {
            try PhoneNumber(parsing: input)
        } throws: { error in
            (error as? PhoneNumberError)?.description.contains(reason) == true
        }
    }

    @Test("The typed text appears in the reason, without surrounding blanks")
    func reasonQuotesInput() {
        #expect(throws: PhoneNumberError.landline("0212345678", prefix: "021")) {
            try PhoneNumber(parsing: " 0212345678 ")
        }
    }

    @Test("Every current mobile prefix is accepted with its carrier", arguments: [
        (Carrier.viettel, ["032", "033", "034", "035", "036", "037", "038", "039", "086", "096", "097", "098"]),
        (.mobifone, ["070", "076", "077", "078", "079", "089", "090", "093"]),
        (.vinaphone, ["081", "082", "083", "084", "085", "088", "091", "094"]),
        (.vietnamobile, ["052", "056", "058", "092"]),
        (.gmobile, ["059", "099"]),
        (.itel, ["087"]),
        (.reddi, ["055"]),
    ])
    func carrierPrefixes(carrier: Carrier, prefixes: [String]) throws {
        #expect(carrier.prefixes == prefixes)
        for prefix in prefixes {
            let number = try PhoneNumber(parsing: prefix + "1234567")
            #expect(number.carrier == carrier)
            #expect(number.national == prefix + "1234567")
        }
    }

    @Test("Every other 0x prefix is refused")
    func nonMobilePrefixes() {
        let mobile = Set(Carrier.allCases.flatMap(\.prefixes))
        for digits in 0..<100 {
            let prefix = "0" + String(format: "%02d", digits)
            guard !mobile.contains(prefix) else { continue }
            #expect(throws: PhoneNumberError.self) { try PhoneNumber(parsing: prefix + "1234567") }
        }
    }

    @Test("Stored E.164 values are wrapped only when well-formed", arguments: [
        ("+84912345678", true), ("+84352123456", true), ("84912345678", false), ("+8491234567", false),
        ("+84212345678", false), ("+8491234567x", false), ("+849123456789", false), ("", false),
    ])
    func storedValues(text: String, valid: Bool) {
        #expect((PhoneNumber(e164: text) != nil) == valid)
        if valid { #expect(PhoneNumber(e164: text)?.e164 == text) }
    }

    @Test("Codable as the E.164 string; decoding also accepts the other forms")
    func codable() throws {
        let number = try PhoneNumber(parsing: "0912 345 678")
        let json = try JSONEncoder().encode([number])
        #expect(String(decoding: json, as: UTF8.self) == #"["+84912345678"]"#)
        let decoded = try JSONDecoder().decode([PhoneNumber].self, from: Data(#"["+84912345678","0912.345.678"]"#.utf8))
        #expect(decoded == [number, number])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([PhoneNumber].self, from: Data(#"["0212345678"]"#.utf8)) }
    }
}
