import LoaCore
import Testing

@Suite("Duration text")
struct DurationTextTests {
    @Test("Parsing", arguments: [
        ("24h", 86_400), ("2h", 7_200), ("90m", 5_400), ("1d", 86_400), ("1h30m", 5_400), ("45s", 45),
        ("1d12h", 129_600), ("2H", 7_200), ("1h 30m", 5_400), (" 15m ", 900), ("1d1h1m1s", 90_061), ("0h5m", 300),
    ] as [(String, Int64)])
    func parsing(text: String, seconds: Int64) throws {
        #expect(try DurationText.parse(text) == .seconds(seconds))
    }

    @Test("Errors", arguments: [
        ("", DurationTextError.empty),
        ("24", .missingUnit("24")),
        ("1h30", .missingUnit("1h30")),
        ("h", .missingNumber("h")),
        ("1.5h", .notWhole("1.5h")),
        ("30m1h", .unitOrder("30m1h")),
        ("1h1h", .unitOrder("1h1h")),
        ("2w", .unknownUnit("2w", unit: "w")),
        ("-1h", .unexpectedCharacter("-1h")),
        ("2 giờ", .unknownUnit("2 giờ", unit: "giờ")),
        ("2 hours", .unknownUnit("2 hours", unit: "hours")),
        ("0m", .zero("0m")),
        ("99999999999d", .tooLarge("99999999999d")),
    ])
    func errors(text: String, error: DurationTextError) {
        #expect(throws: error) { try DurationText.parse(text) }
        #expect(error.description.contains("‘\(text)’") || text.isEmpty)
    }

    @Test("Formatting", arguments: [
        (Duration.seconds(5_400), "1h30m"), (.seconds(86_400), "24h"), (.seconds(45), "45s"), (.zero, "0s"),
        (.seconds(90_061), "25h1m1s"), (.seconds(172_800), "2d"), (.seconds(180_000), "50h"), (.seconds(7_200), "2h"), (.milliseconds(1_500), "1s"), (.seconds(-60), "-1m"),
    ])
    func formatting(duration: Duration, text: String) {
        #expect(DurationText.format(duration) == text)
    }

    @Test("format then parse gives the same duration", arguments: [1, 59, 60, 3_599, 3_600, 86_399, 86_400, 1_000_000])
    func roundTrip(seconds: Int64) throws {
        #expect(try DurationText.parse(DurationText.format(.seconds(seconds))) == .seconds(seconds))
    }
}
