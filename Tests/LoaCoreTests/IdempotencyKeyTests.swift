import LoaCore
import Testing

@Suite("Idempotency keys")
struct IdempotencyKeyTests {
    @Test(arguments: [
        ("N-ABC123", Int64(7), 0, 0, "NABC123M7C0"),
        ("N-ABC123", 1234, 1, 0, "NABC123M1234C1"),
        ("N-ABC123", 1234, 0, 2, "NABC123M1234C0R2"),
        ("N-ĐÀ_x9", 10, 0, 0, "Nx9M10C0"),
        ("", 0, 0, 0, "M0C0"),
        (String(repeating: "Q", count: 40), 123_456_789, 3, 1, String(repeating: "Q", count: 40) + "M1234567"),
    ])
    func keysAreASCIILettersAndDigitsOfAtMost48(
        notice: String, message: Int64, step: Int, round: Int, expected: String
    ) {
        let key = IdempotencyKey.make(notice: notice, message: message, step: step, round: round)
        #expect(key == expected)
        #expect(key.utf8.count <= 48)
        #expect(key.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) })
    }
}
