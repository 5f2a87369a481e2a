import Crypto
import LoaConfig
import Foundation

/// Zalo's webhook signature, the same for ZNS and OA events (gateways.md §3.4, §11.3):
/// `X-ZEvent-Signature: mac=<hex>` where `hex` is the lowercase SHA-256 of
/// `app_id + raw body + timestamp + OA secret key` — a plain digest of the concatenation, not an HMAC.
struct ZaloEventSignature: Sendable {
    /// Zalo retries a failed webhook for up to about an hour (§3.3), and every retry keeps the
    /// event's original `timestamp`: allow a little more than that.
    static let maximumAge: TimeInterval = 65 * 60
    /// Clocks drift; an event from further in the future than this is refused.
    static let maximumLead: TimeInterval = 5 * 60

    let appID: String
    let secretKey: String

    init(appID: String, secretKey: String) {
        self.appID = appID
        self.secretKey = secretKey
    }

    /// The rule for a Zalo channel: its `app_id` and OA `secret_key` (empty when not configured,
    /// which refuses every event).
    init(config: ChannelConfig) {
        self.init(appID: config.settings["app_id"] ?? "", secretKey: config.secrets["secret_key"]?.value ?? "")
    }

    /// The lowercase hex digest Zalo sends for `body` with the body's `timestamp` text.
    func hex(body: [UInt8], timestamp: String) -> String {
        var hasher = SHA256()
        hasher.update(data: Array(appID.utf8))
        hasher.update(data: body)
        hasher.update(data: Array(timestamp.utf8))
        hasher.update(data: Array(secretKey.utf8))
        return hasher.finalize().map { byte in
            let text = String(byte, radix: 16)
            return byte < 16 ? "0" + text : text
        }.joined()
    }

    /// Refuses `request` unless its signature matches the raw body and its timestamp is fresh,
    /// measured against the moment the server received it.
    func verify(_ request: HookRequest) throws(CallbackError) {
        guard let header = request.header("X-ZEvent-Signature")?.trimmingCharacters(in: .whitespaces),
            !header.isEmpty
        else {
            throw CallbackError(.unauthorized, "Zalo event without X-ZEvent-Signature")
        }
        guard header.hasPrefix("mac=") else {
            throw CallbackError(.unauthorized, "X-ZEvent-Signature is not of the form mac=<hex>")
        }
        // The signed timestamp is the one inside the body (§3.4), so the body is read first; one
        // that cannot be read cannot be checked either.
        guard let timestamp = ZaloEventEnvelope.timestamp(in: request.body) else {
            throw CallbackError(.unauthorized, "Zalo event body has no readable timestamp; signature cannot be checked")
        }
        let expected = hex(body: request.body, timestamp: timestamp)
        guard ConstantTime.equal(String(header.dropFirst(4)).lowercased(), expected) else {
            throw CallbackError(.unauthorized, "X-ZEvent-Signature does not match the request")
        }
        guard let millis = Int64(timestamp) else {
            throw CallbackError(.unauthorized, "Zalo event timestamp '\(timestamp)' is not epoch milliseconds")
        }
        // §3.4: no replay window is documented; Loa sets its own.
        let sent = Date(timeIntervalSince1970: Double(millis) / 1000)
        let age = request.receivedAt.timeIntervalSince(sent)
        if age > Self.maximumAge {
            throw CallbackError(.unauthorized, "stale Zalo event: signed \(Int(age / 60)) minutes before it arrived")
        }
        if -age > Self.maximumLead {
            throw CallbackError(.unauthorized, "Zalo event timestamp is \(Int(-age / 60)) minutes in the future")
        }
    }
}
