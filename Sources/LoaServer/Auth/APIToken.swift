import Crypto
import Foundation

/// Staff API tokens (SPEC §1): shown once, stored only as a SHA-256 hash.
public enum APIToken {
    private static let alphabet = Array("abcdefghijkmnpqrstuvwxyz23456789")

    /// A new token: `loa_` and 32 characters from a 32-letter alphabet (160 random bits).
    public static func generate() -> String {
        var generator = SystemRandomNumberGenerator()
        return "loa_" + String((0..<32).map { _ in alphabet[Int(generator.next() % 32)] })
    }

    /// What the store keeps: the token's SHA-256 in lower-case hex.
    public static func hash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
