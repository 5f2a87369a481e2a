import Crypto
import Foundation
import LoaConfig

/// The dashboard's sign-in (SPEC §5): an HttpOnly, SameSite=Strict cookie naming the token's hash
/// and an expiry, signed with a key derived from the configured secrets so that every worker
/// accepts it; forms carry a CSRF value derived from the same cookie.
struct DashboardSession: Sendable {
    static let cookieName = "loa_session"
    static let lifetime: TimeInterval = 12 * 3600
    /// The HMAC key's bytes (`SymmetricKey` itself is not `Sendable`).
    private let keyBytes: [UInt8]

    init(configuration: LoaConfiguration) {
        let secret = configuration.server.linkSecret?.value ?? configuration.server.hookSecret?.value
        if let secret, !secret.isEmpty {
            keyBytes = Array(SHA256.hash(data: Data(("loa-dashboard:" + secret).utf8)))
        } else {
            // Without a configured secret, sessions last as long as this process.
            var generator = SystemRandomNumberGenerator()
            keyBytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        }
    }

    /// The cookie value for a signed-in token.
    func cookie(tokenHash: String, now: Date) -> String {
        let payload = tokenHash + "." + String(Int64(now.timeIntervalSince1970 + Self.lifetime))
        return payload + "." + mac(payload)
    }

    /// The token hash a cookie carries, if its signature holds and it has not expired.
    func tokenHash(cookie: String, now: Date) -> String? {
        let parts = cookie.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 3, let expiry = Int64(parts[1]), Double(expiry) > now.timeIntervalSince1970,
            ConstantTime.equal(mac(parts[0] + "." + parts[1]), parts[2])
        else { return nil }
        return parts[0]
    }

    /// The CSRF value forms of this session carry.
    func csrf(cookie: String) -> String { mac("csrf." + cookie) }

    private func mac(_ text: String) -> String {
        HMAC<SHA256>.authenticationCode(for: Data(text.utf8), using: SymmetricKey(data: keyBytes)).prefix(20).map { String(format: "%02x", $0) }.joined()
    }

    /// `name=value` pairs of a `Cookie` header.
    static func cookies(_ header: String?) -> [String: String] {
        var result: [String: String] = [:]
        for part in (header ?? "").split(separator: ";") {
            let pair = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if pair.count == 2 { result[pair[0]] = pair[1] }
        }
        return result
    }
}
