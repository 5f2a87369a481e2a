import Foundation
import LoaCore

/// How a notice maps to and from its stored columns, shared by every backend's row decoding.
enum NoticeColumns {
    private static let alphabet = ShortCode.alphabet

    /// `N-` and six random characters (30 bits); the caller retries on the rare collision.
    static func randomID() -> String {
        var generator = SystemRandomNumberGenerator()
        return "N-" + String((0..<ShortCode.length).map { _ in alphabet[Int(generator.next() % 32)] })
    }

    static func encode(_ reminders: [Duration]) -> String {
        reminders.map { String($0.components.seconds) }.joined(separator: ",")
    }

    static func decodeReminders(_ text: String) -> [Duration] {
        text.split(separator: ",").compactMap { Int64($0) }.map { Duration.seconds($0) }
    }
}
