import Hummingbird
import Synchronization

/// The OAuth v4 token endpoint, `POST /v4/oa/access_token` (gateways.md §2): form fields
/// `refresh_token`, `app_id`, `grant_type=refresh_token`, the app secret in a `secret_key` header;
/// answers a flat JSON pair with `expires_in` as a string. Each refresh token works exactly once;
/// a used or unknown one gets `-14014`.
final class ZaloTokenIssuer: Sendable {
    static let path = "/v4/oa/access_token"

    private struct Tokens {
        var access: Set<String>
        var refresh: Set<String>
        var issued = 0
    }

    private let account: ZaloOAAccount
    private let tokens: Mutex<Tokens>
    private let dice: Dice

    init(account: ZaloOAAccount, dice: Dice) {
        self.account = account
        self.dice = dice
        tokens = Mutex(Tokens(access: [account.accessToken], refresh: [account.refreshToken]))
    }

    /// Whether `token` is one the OA API accepts: the configured one or one issued here.
    func accepts(_ token: String?) -> Bool {
        guard let token else { return false }
        return tokens.withLock { $0.access.contains(token) }
    }

    func respond(to request: Request) async -> Response {
        var request = request
        let body = (try? await request.collectBody(upTo: 64 * 1024)).map { Array($0.readableBytesView) } ?? []
        let form = Self.form(body)
        let secret = request.headers.first { $0.name.canonicalName == "secret_key" }?.value
        guard secret == account.appSecret, form["app_id"] == account.appID else {
            return Self.error(-14002, "Invalid app id or secret key")
        }
        guard form["grant_type"] == "refresh_token", let presented = form["refresh_token"] else {
            return Self.error(-14001, "Invalid grant_type or missing refresh_token")
        }
        let pair: (access: String, refresh: String)? = tokens.withLock { state in
            guard state.refresh.remove(presented) != nil else { return nil }
            state.issued += 1
            let mark = String(dice.hash(.messageID, "oauth-\(state.issued)"), radix: 16)
            let pair = ("sim-oa-at-\(state.issued)-\(mark)", "sim-oa-rt-\(state.issued)-\(mark)")
            state.access.insert(pair.0)
            state.refresh.insert(pair.1)
            return pair
        }
        guard let pair else { return Self.error(OACode.invalidRefreshToken.rawValue, OACode.invalidRefreshToken.message) }
        var json = JSONWriter()
        json.add("access_token", pair.access)
        json.add("refresh_token", pair.refresh)
        // §2: expires_in arrives as a string.
        json.add("expires_in", String(account.tokenLifetime))
        return SendPipeline.json(.ok, json.finished)
    }

    private static func error(_ code: Int, _ text: String) -> Response {
        var json = JSONWriter()
        json.add("error", code)
        json.add("error_name", text)
        json.add("error_description", text)
        return SendPipeline.json(.ok, json.finished)
    }

    /// `application/x-www-form-urlencoded` pairs; the first of a repeated name wins.
    static func form(_ body: [UInt8]) -> [String: String] {
        var result: [String: String] = [:]
        for pair in body.split(separator: UInt8(ascii: "&")) {
            let parts = pair.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)
            let name = decode(parts[0])
            if result[name] == nil { result[name] = parts.count > 1 ? decode(parts[1]) : "" }
        }
        return result
    }

    private static func decode(_ bytes: ArraySlice<UInt8>) -> String {
        var out: [UInt8] = []
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "+") {
                out.append(0x20)
            } else if byte == UInt8(ascii: "%"), index + 2 < bytes.endIndex,
                let value = UInt8(String(decoding: bytes[(index + 1)...(index + 2)], as: UTF8.self), radix: 16)
            {
                out.append(value)
                index += 2
            } else {
                out.append(byte)
            }
            index += 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}
