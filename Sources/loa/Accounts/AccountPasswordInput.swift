import Foundation
import LoaCore
import LoaServer

/// Where a new password comes from: the first line of stdin (`--password-stdin`, so it stays out of
/// shell history), or a random one printed once.
enum AccountPasswordInput {
    /// The password to set for `phone` and whether it was generated.
    static func read(fromStdin: Bool, phone: PhoneNumber) throws -> (password: String, generated: Bool) {
        guard fromStdin else { return (Passwords.generate(), true) }
        guard let line = readLine(strippingNewline: true) else { throw UserError("--password-stdin: stdin holds no password") }
        let password = line.hasSuffix("\r") ? String(line.dropLast()) : line
        if let problem = Passwords.problem(password, phone: phone) { throw UserError(words(problem)) }
        return (password, false)
    }

    /// The CLI's words for a password problem key.
    static func words(_ key: String) -> String {
        switch key {
        case "acc.pw.short": "the password needs at least 8 characters"
        case "acc.pw.long": "the password is too long (at most 72 bytes, no NUL)"
        case "acc.pw.phone": "the password cannot be the phone number"
        default: "the password cannot be used (\(key))"
        }
    }
}
