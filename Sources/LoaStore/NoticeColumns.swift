import Foundation
import LoaCore

/// How a notice maps to and from its stored columns, shared by every backend's row decoding.
enum NoticeColumns {
    /// Crockford's base-32 digits without I, L, O, U: easy to read aloud and to type in a reply.
    private static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")

    /// `N-` and six random characters (30 bits); the caller retries on the rare collision.
    static func randomID() -> String {
        var generator = SystemRandomNumberGenerator()
        return "N-" + String((0..<6).map { _ in alphabet[Int(generator.next() % 32)] })
    }

    static func encode(_ reminders: [Duration]) -> String {
        reminders.map { String($0.components.seconds) }.joined(separator: ",")
    }

    static func decodeReminders(_ text: String) -> [Duration] {
        text.split(separator: ",").compactMap { Int64($0) }.map { Duration.seconds($0) }
    }
}
