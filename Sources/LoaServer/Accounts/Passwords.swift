import Crypto
import Foundation
import HummingbirdBcrypt
import LoaCore
import NIOPosix

/// Staff passwords: the rules a new one must meet, and bcrypt hashing and checking off Swift's
/// cooperative threads (this machine has two; one hash would stall every request for its time).
public enum Passwords {
    /// bcrypt's cost: 2^10 rounds, measured at 80–170 ms a hash (debug build) on this 2-core machine.
    static let cost: UInt8 = 10

    /// A hash of a password nobody has, checked when a phone has no account (or no password), so
    /// the answer takes as long as for a real account and tells no phones apart.
    static let dummyHash = Bcrypt.hash(DashboardSession.newID(bytes: 16), cost: cost)

    /// Why `password` may not be used for the account of `phone`, as a words key, or nil when it may.
    public static func problem(_ password: String, phone: PhoneNumber) -> String? {
        if password.count < 8 { return "acc.pw.short" }
        // bcrypt reads at most 72 bytes and stops at a NUL: anything past that would not count.
        if password.utf8.count > 72 || password.utf8.contains(0) { return "acc.pw.long" }
        let compact = password.filter { !$0.isWhitespace && $0 != "." && $0 != "-" }
        if (try? PhoneNumber(parsing: compact)) == phone || (compact.allSatisfy(\.isNumber) && compact.hasSuffix(phone.e164.dropFirst(3))) {
            return "acc.pw.phone"
        }
        return nil
    }

    /// The bcrypt hash of `password`, computed on NIO's thread pool.
    public static func hash(_ password: String) async throws -> String {
        try await NIOThreadPool.singleton.runIfActive { Bcrypt.hash(password, cost: cost) }
    }

    /// Whether `password` matches `hash` (nil: the dummy hash, which nothing matches), on NIO's thread pool.
    public static func verify(_ password: String, hash: String?) async throws -> Bool {
        let stored = hash ?? dummyHash
        let matched = try await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(password, hash: stored) }
        return matched && hash != nil
    }

    /// A new random password of `length` letters and digits without look-alikes (0/O, 1/l/I).
    public static func generate(length: Int = 12) -> String {
        let alphabet = Array("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        var generator = SystemRandomNumberGenerator()
        return String((0..<length).map { _ in alphabet[Int(generator.next(upperBound: UInt64(alphabet.count)))] })
    }

    /// The hash an account's token row keeps: of 32 random bytes nobody keeps, so no one can ever
    /// present that token.
    public static func unusableTokenHash() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
    }
}
