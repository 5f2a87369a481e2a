import Foundation

/// HTML text escaping and the Vietnamese date words resident pages use.
enum HTML {
    /// Escapes `& < > " '` for text and quoted attribute values. It walks Unicode scalars, not
    /// characters: `"` followed by a combining mark is one Swift character unequal to `"`.
    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Body text as paragraphs: blank lines split paragraphs, single line breaks stay.
    static func paragraphs(_ text: String) -> String {
        text.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n\n")
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
            .map { "<p>" + escape($0).replacingOccurrences(of: "\n", with: "<br>") + "</p>" }.joined(separator: "\n")
    }

    /// `19:30, thứ Năm 03/12/2026` on the commune's clock.
    static func vietnameseTime(_ date: Date, in zone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .weekday], from: date)
        let weekdays = ["Chủ nhật", "thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy"]
        let weekday = weekdays[((parts.weekday ?? 1) - 1) % 7]
        return String(
            format: "%02d:%02d, %@ %02d/%02d/%04d", parts.hour ?? 0, parts.minute ?? 0, weekday, parts.day ?? 0,
            parts.month ?? 0, parts.year ?? 0)
    }
}
