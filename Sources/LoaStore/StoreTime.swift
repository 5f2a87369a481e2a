import Foundation

extension Date {
    /// Milliseconds since 1970, the stored form of every time.
    var millis: Int64 { Int64((timeIntervalSince1970 * 1000).rounded()) }

    init(millis: Int64) {
        self.init(timeIntervalSince1970: Double(millis) / 1000)
    }
}

/// Lists kept in one text column (groups of a row, channels, selectors) as a JSON array of strings.
enum TextList {
    static func encode(_ values: [String]) -> String {
        guard !values.isEmpty,
            let data = try? JSONSerialization.data(withJSONObject: values),
            let text = String(data: data, encoding: .utf8)
        else { return "" }
        return text
    }

    static func decode(_ text: String?) -> [String] {
        guard let text, !text.isEmpty,
            let values = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String]
        else { return [] }
        return values
    }
}
