import LoaCore
import LoaHTTP

/// The OA webhooks a consultation message triggers (gateways.md §3.2): `user_received_message`
/// when it reaches the phone and `user_seen_message` when the resident opens it, signed as §3.4
/// describes.
struct OAEvent: Sendable {
    enum Kind: String, Sendable {
        case received = "user_received_message"
        case seen = "user_seen_message"
    }

    let kind: Kind
    let account: ZaloOAAccount
    let callbackURL: String
    /// The follower's OA-scoped user id.
    let userID: String
    let messageID: String

    /// The event as sent now: `timestamp` is the sending time, so each try is signed afresh.
    func request(at timestamp: Int64 = SimulatorEngine.epochMilliseconds()) -> HTTPRequest {
        let timestampText = String(timestamp)
        let body = self.body(timestamp: timestampText)
        // Same rule as ZNS events: sha256(app_id + raw body + timestamp + OA secret key), §3.4.
        let mac = ZNSDeliveryEvent.signature(
            appID: account.appID, body: body, timestamp: timestampText, secretKey: account.secretKey)
        return HTTPRequest(
            method: .post, url: callbackURL,
            headers: ["Content-Type": "application/json", "X-ZEvent-Signature": "mac=" + mac],
            body: body)
    }

    /// The JSON body; ids and times are strings (§3.2). For receipts the OA is the sender, for
    /// user_* events the follower is (§3.2 direction rule).
    func body(timestamp: String) -> [UInt8] {
        let (sender, recipient) = kind == .received ? (account.oaID, userID) : (userID, account.oaID)
        var bytes = Array("{".utf8)
        func field(_ name: String, _ value: String) {
            if bytes.count > 1 { bytes.append(UInt8(ascii: ",")) }
            JSONEscaping.appendQuoted(name, to: &bytes)
            bytes.append(UInt8(ascii: ":"))
            JSONEscaping.appendQuoted(value, to: &bytes)
        }
        func raw(_ name: String, _ json: [UInt8]) {
            bytes.append(UInt8(ascii: ","))
            JSONEscaping.appendQuoted(name, to: &bytes)
            bytes.append(UInt8(ascii: ":"))
            bytes.append(contentsOf: json)
        }
        field("app_id", account.appID)
        field("event_name", kind.rawValue)
        field("timestamp", timestamp)
        raw("sender", Self.object("id", sender))
        raw("recipient", Self.object("id", recipient))
        var id: [UInt8] = []
        JSONEscaping.appendQuoted(messageID, to: &id)
        // `user_seen_message` lists its messages in an array (§3.2), here always one.
        let message = kind == .received
            ? Self.object("msg_id", messageID)
            : Array(#"{"msg_ids":["#.utf8) + id + Array("]}".utf8)
        raw("message", message)
        return bytes + [UInt8(ascii: "}")]
    }

    private static func object(_ name: String, _ value: String) -> [UInt8] {
        var json = JSONWriter()
        json.add(name, value)
        return json.finished
    }
}
