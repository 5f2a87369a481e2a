import Crypto
import Foundation

/// One channel's callback secrets, derived from `[server] hook_secret` (SPEC §4, §5): the
/// `{hook-secret}` path segment of its hook URLs, and the key of its per-message callback tokens.
///
/// The path segment travels to the gateway in every callback URL, so it opens only its own
/// channel. The token key never leaves Loa: a gateway that echoes a per-send URL (Kannel
/// `dlr-url`, eSMS `CallbackUrl`) gets a token that vouches for one idempotency key, and whoever
/// reads one URL cannot make a token for another message (gateways.md §8, §11.3).
public struct HookSecret: Sendable, Equatable {
    /// The channel these secrets belong to.
    public let channel: String
    /// The `{hook-secret}` path segment: hex HMAC-SHA256(key: hook_secret, data: channel name), 32 digits.
    public let pathSegment: String
    private let tokenKey: Data

    /// Hex digits kept of the path segment (128 bits).
    public static let pathLength = 32
    /// Hex digits of a per-message token (64 bits: one URL's worth, guessed online only).
    public static let tokenLength = 16
    /// The query parameter that carries the per-message token.
    public static let tokenParameter = "t"

    /// The secrets of `channel` under the configured `hook_secret` (`master`).
    public init(master: String, channel: String) {
        let key = SymmetricKey(data: Data(master.utf8))
        self.channel = channel
        self.pathSegment = String(Self.hex(HMAC<SHA256>.authenticationCode(for: Data(channel.utf8), using: key)).prefix(Self.pathLength))
        // Channel names cannot contain '/', so this input is never another channel's name.
        self.tokenKey = Data(HMAC<SHA256>.authenticationCode(for: Data((channel + "/message-token").utf8), using: key))
    }

    /// Whether `segment` is this channel's path segment, compared in constant time.
    public func opens(_ segment: String) -> Bool { ConstantTime.equal(segment, pathSegment) }

    /// The token that vouches for callbacks about the message sent with idempotency key `key`.
    public func token(for key: String) -> String {
        let code = HMAC<SHA256>.authenticationCode(for: Data(key.utf8), using: SymmetricKey(data: tokenKey))
        return String(Self.hex(code).prefix(Self.tokenLength))
    }

    /// `t=<token>`: the query parameter that carries `key`'s token in a callback URL.
    public func tokenQuery(for key: String) -> String { Self.tokenParameter + "=" + token(for: key) }

    /// Whether `token` vouches for `key`, compared in constant time.
    public func accepts(_ token: String?, for key: String) -> Bool {
        guard let token else { return false }
        return ConstantTime.equal(token, self.token(for: key))
    }

    private static func hex<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 15)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
