/// Reminder offsets and other spans written as `24h`, `90m`, `1d`, `1h30m` or `45s`.
///
/// A duration is one or more whole-number components with the units `d`, `h`, `m`, `s`, largest
/// first, each at most once; blanks between components are allowed and units are case-insensitive.
/// Zero is refused, since every use (reminders before a meeting, expiry) needs a real span.
public enum DurationText {
    /// Reads a duration such as `1h30m`.
    public static func parse(_ text: String) throws(DurationTextError) -> Duration {
        let input = text.trimmingBlanks
        guard !input.isEmpty else { throw .empty }
        let units: [(letter: UInt8, seconds: Int64)] = [
            (UInt8(ascii: "d"), 86_400), (UInt8(ascii: "h"), 3_600), (UInt8(ascii: "m"), 60), (UInt8(ascii: "s"), 1),
        ]
        var total: Int64 = 0
        var nextUnit = 0
        var number: Int64?
        let bytes = Array(input.lowercased().utf8)
        var wordStart = 0
        for (offset, byte) in bytes.enumerated() {
            if offset > 0 && !Self.isLetter(bytes[offset - 1]) { wordStart = offset }
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                let (times, overflow1) = (number ?? 0).multipliedReportingOverflow(by: 10)
                let (sum, overflow2) = times.addingReportingOverflow(Int64(byte - UInt8(ascii: "0")))
                guard !overflow1, !overflow2, sum <= 10_000_000 else { throw .tooLarge(input) }
                number = sum
            case UInt8(ascii: " "), 0x09:
                continue
            case UInt8(ascii: "."), UInt8(ascii: ","):
                throw .notWhole(input)
            default:
                guard let index = units.firstIndex(where: { $0.letter == byte }),
                      offset + 1 == bytes.count || !Self.isLetter(bytes[offset + 1])
                else {
                    guard Self.isLetter(byte) else { throw .unexpectedCharacter(input) }
                    let word = bytes[wordStart...].prefix(while: Self.isLetter)
                    throw .unknownUnit(input, unit: String(decoding: word, as: UTF8.self))
                }
                guard let value = number else { throw .missingNumber(input) }
                guard index >= nextUnit else { throw .unitOrder(input) }
                let (part, overflow) = value.multipliedReportingOverflow(by: units[index].seconds)
                guard !overflow else { throw .tooLarge(input) }
                total += part
                nextUnit = index + 1
                number = nil
            }
        }
        if number != nil { throw .missingUnit(input) }
        guard total > 0 else { throw .zero(input) }
        return .seconds(total)
    }

    /// ASCII letters and the bytes of non-ASCII characters, which can only be (misspelt) units.
    private static func isLetter(_ byte: UInt8) -> Bool {
        byte >= 0x80 || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
    }

    /// Writes a duration in the form `parse` reads, largest units first (`90m` → `1h30m`); parts
    /// below a second are dropped and zero is `0s`. Days appear only for whole days from two up
    /// (`48h` → `2d`), since staff say "24h before the meeting", not "1d".
    public static func format(_ duration: Duration) -> String {
        var seconds = duration.components.seconds
        guard seconds != 0 else { return "0s" }
        var text = seconds < 0 ? "-" : ""
        seconds = seconds.magnitude > Int64.max.magnitude ? Int64.max : abs(seconds)
        let units: [(String, Int64)] = seconds >= 2 * 86_400 && seconds % 86_400 == 0
            ? [("d", 86_400)] : [("h", 3_600), ("m", 60), ("s", 1)]
        for (letter, size) in units where seconds >= size {
            text += "\(seconds / size)\(letter)"
            seconds %= size
        }
        return text
    }
}

/// Why a text is not a duration; every case quotes the text.
public enum DurationTextError: Error, Sendable, Hashable, CustomStringConvertible {
    case empty
    case missingUnit(String)
    case missingNumber(String)
    case unknownUnit(String, unit: String)
    case unexpectedCharacter(String)
    case unitOrder(String)
    case notWhole(String)
    case tooLarge(String)
    case zero(String)

    public var description: String {
        let examples = "e.g. 24h, 90m, 1d or 1h30m"
        return switch self {
        case .empty: "empty duration (\(examples))"
        case .missingUnit(let text): "‘\(text)’: a number needs a unit d, h, m or s (\(examples))"
        case .missingNumber(let text): "‘\(text)’: a unit needs a number before it (\(examples))"
        case .unknownUnit(let text, let unit): "‘\(text)’: unknown unit ‘\(unit)’ (use d, h, m or s)"
        case .unexpectedCharacter(let text): "‘\(text)’ is not a duration (\(examples))"
        case .unitOrder(let text): "‘\(text)’: write each unit once, largest first (\(examples))"
        case .notWhole(let text): "‘\(text)’: use whole numbers, e.g. 1h30m instead of 1.5h"
        case .tooLarge(let text): "‘\(text)’ is too long a duration"
        case .zero(let text): "‘\(text)’: a duration must be longer than zero"
        }
    }
}
