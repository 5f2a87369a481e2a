import Crypto
import Foundation

/// Twilio's webhook signature (gateways.md §9, §11.3): `X-Twilio-Signature` =
/// base64(HMAC-SHA1(key: auth token, data: the URL Twilio called + each POST parameter, sorted by
/// name, as name immediately followed by value)).
struct TwilioSignature: Sendable {
    let authToken: String

    /// The data Twilio signs for `url` and the form `parameters`.
    static func signedText(url: String, parameters: [(name: String, value: String)]) -> String {
        // Sorted by name, then by value for repeated names, on the UTF-8 bytes (Twilio's helper
        // sorts Python strings, which is code point order, the same thing).
        let sorted = parameters.sorted { lhs, rhs in
            lhs.name == rhs.name
                ? lhs.value.utf8.lexicographicallyPrecedes(rhs.value.utf8)
                : lhs.name.utf8.lexicographicallyPrecedes(rhs.name.utf8)
        }
        return sorted.reduce(url) { $0 + $1.name + $1.value }
    }

    /// The base64 signature of `text`.
    func sign(_ text: String) -> String {
        let key = SymmetricKey(data: Data(authToken.utf8))
        let code = HMAC<Insecure.SHA1>.authenticationCode(for: Data(text.utf8), using: key)
        return Data(code).base64EncodedString()
    }

    /// Whether `signature` signs `parameters` posted to `url`, compared in constant time.
    ///
    /// Twilio's helper also accepts the URL with its default port dropped or added, because proxies
    /// and load balancers disagree about writing `:443` (§9); so does this check.
    func isValid(_ signature: String, url: String, parameters: [(name: String, value: String)]) -> Bool {
        guard let given = Data(base64Encoded: signature.trimmingCharacters(in: .whitespaces)) else { return false }
        let key = SymmetricKey(data: Data(authToken.utf8))
        var valid = false
        for candidate in Self.urlVariants(url) {
            let text = Data(Self.signedText(url: candidate, parameters: parameters).utf8)
            // `isValidAuthenticationCode` compares in constant time; every variant is checked.
            valid = HMAC<Insecure.SHA1>.isValidAuthenticationCode(given, authenticating: text, using: key) || valid
        }
        return valid
    }

    /// `url` as given, and with its scheme's default port removed (`https://h:443/p` → `https://h/p`)
    /// or added when it has none.
    static func urlVariants(_ url: String) -> [String] {
        guard let schemeEnd = url.range(of: "://") else { return [url] }
        let scheme = url[..<schemeEnd.lowerBound].lowercased()
        guard let port = ["https": "443", "http": "80"][scheme] else { return [url] }
        let rest = url[schemeEnd.upperBound...]
        let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? rest.endIndex
        let authority = rest[..<authorityEnd]
        let tail = rest[authorityEnd...]
        let prefix = url[..<schemeEnd.upperBound]
        // The host part ends at the last ':' outside IPv6 brackets.
        if let colon = authority.lastIndex(of: ":"), !authority[colon...].contains("]") {
            let host = authority[..<colon]
            guard authority[authority.index(after: colon)...] == port else { return [url] }
            return [url, prefix + String(host) + tail]
        }
        return [url, prefix + authority + ":" + port + tail]
    }
}
