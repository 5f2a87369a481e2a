import Crypto
import Foundation
import LoaCore
import LoaHTTP
import LoaStore
import Testing

/// Each calling-back dialect's progress, delivered and failed reports as the gateway sends them
/// (gateways.md §1.3, §3.2, §4.3, §5, §8, §9), built here from those facts, not with the adapters'
/// code. The webhook dialect has no callbacks (its receiver answers the send itself).
struct DialectReports: Sendable, CustomTestStringConvertible {
    /// The message one order of reports is posted for.
    struct Target: Sendable {
        let notice: String
        let message: Int64
        let key: String
        let ref: String
        /// E.164 without the `+`, as SMS gateways write numbers (`84912400000`).
        let msisdn: String
    }

    struct Call: Sendable {
        var method: HTTPRequest.Method
        var path: String
        var headers: HTTPHeaders = [:]
        var body: [UInt8]?
    }

    struct Report: Sendable {
        let label: String
        /// What the report means, by gateways.md.
        let state: MessageState
        let call: @Sendable (Target, _ base: String) -> Call
    }

    let channel: String
    let reports: [Report]
    var testDescription: String { channel }

    static let twilioToken = "twilio-auth-token-4b1e"

    /// The channels beside the harness's `zalo` (ZNS) and `sms` (eSMS).
    static let channels = """
        [[channels]]
        name = "kannel"
        kind = "kannel"
        base_url = "http://127.0.0.1:9"
        username = "loa"
        password = "kannel-pass"
        [[channels]]
        name = "speedsms"
        kind = "speedsms"
        access_token = "speedsms-token"
        sms_type = "2"
        free_text = true
        [[channels]]
        name = "twilio"
        kind = "twilio"
        account_sid = "AC3f1c2b9e8d7a6b5c4d3e2f1a0b9c8d7e"
        auth_token = "\(twilioToken)"
        from = "+15005550006"
        [[channels]]
        name = "oa"
        kind = "zalo-oa"
        app_id = "\(ServerHarness.appID)"
        secret_key = "\(ServerHarness.zaloSecret)"
        access_token = "oa-access-token"
        """

    static let all: [DialectReports] = [esms, kannel, speedSMS, twilio, zns, oa]

    static let esms = DialectReports(channel: "sms", reports: [
        Report(label: "SendStatus 7", state: .accepted) { target, _ in esmsCall(target, status: 7, success: 0, failed: 0) },
        Report(label: "SendStatus 5 success", state: .delivered) { target, _ in esmsCall(target, status: 5, success: 1, failed: 0) },
        Report(label: "SendStatus 5 failed", state: .failed) { target, _ in esmsCall(target, status: 5, success: 0, failed: 1) },
    ])

    static func esmsCall(_ target: Target, status: Int, success: Int, failed: Int) -> Call {
        Call(method: .get, path: ServerHarness.hookPath("sms") + "?" + ServerHarness.hookToken("sms", key: target.key) + "&SMSID=\(target.ref)&RequestId=\(target.key)&SendStatus=\(status)"
            + "&SendSuccess=\(success)&SendFailed=\(failed)&TotalReceiver=1&TotalSent=\(success)&TotalPrice=\(success * 800)"
            + "&TypeId=2&telcoid=3&phonenumber=0\(target.msisdn.dropFirst(2))")
    }

    static let kannel = DialectReports(channel: "kannel", reports: [
        Report(label: "DLR 8 ACK", state: .accepted) { target, _ in kannelCall(target, type: 8, reply: "ACK/") },
        Report(label: "DLR 1 DELIVRD", state: .delivered) { target, _ in kannelCall(target, type: 1, reply: "id:5b1c sub:001 dlvrd:001 stat:DELIVRD err:000") },
        Report(label: "DLR 2 UNDELIV", state: .failed) { target, _ in kannelCall(target, type: 2, reply: "id:5b1c sub:001 dlvrd:000 stat:UNDELIV err:001") },
    ])

    static func kannelCall(_ target: Target, type: Int, reply: String) -> Call {
        let encoded = reply.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? reply
        return Call(method: .get, path: ServerHarness.hookPath("kannel") + "?key=\(target.key)&" + ServerHarness.hookToken("kannel", key: target.key) + "&type=\(type)&ts=1764660000&smsc=viettel&reply=\(encoded)")
    }

    static let speedSMS = DialectReports(channel: "speedsms", reports: [
        Report(label: "status 0", state: .delivered) { target, _ in speedCall(target, status: 0) },
        Report(label: "status 1", state: .failed) { target, _ in speedCall(target, status: 1) },
    ])

    static func speedCall(_ target: Target, status: Int) -> Call {
        let body = #"{"type":"report","tranId":"\#(target.ref)","phone":"\#(target.msisdn)","status":\#(status)}"#
        return Call(method: .post, path: ServerHarness.hookPath("speedsms"), headers: ["Content-Type": "application/json"], body: Array(body.utf8))
    }

    static let twilio = DialectReports(channel: "twilio", reports: [
        Report(label: "sent", state: .accepted) { twilioCall($0, $1, status: "sent") },
        Report(label: "delivered", state: .delivered) { twilioCall($0, $1, status: "delivered") },
        Report(label: "undelivered 30003", state: .failed) { twilioCall($0, $1, status: "undelivered", error: "30003") },
    ])

    static func twilioCall(_ target: Target, _ base: String, status: String, error: String? = nil) -> Call {
        var fields = [
            ("AccountSid", "AC3f1c2b9e8d7a6b5c4d3e2f1a0b9c8d7e"), ("ApiVersion", "2010-04-01"), ("From", "+15005550006"),
            ("MessageSid", target.ref), ("MessageStatus", status), ("SmsSid", target.ref), ("SmsStatus", status),
            ("To", "+" + target.msisdn),
        ]
        if let error { fields.append(("ErrorCode", error)) }
        let path = ServerHarness.hookPath("twilio")
        // gateways.md §9: base64 HMAC-SHA1 of the URL and the sorted fields, name then value.
        let signed = fields.sorted { $0.0 < $1.0 }.reduce(base + path) { $0 + $1.0 + $1.1 }
        let mac = HMAC<Insecure.SHA1>.authenticationCode(for: Data(signed.utf8), using: SymmetricKey(data: Data(twilioToken.utf8)))
        let body = fields.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? $0.1)" }.joined(separator: "&")
        return Call(
            method: .post, path: path,
            headers: ["Content-Type": "application/x-www-form-urlencoded", "X-Twilio-Signature": Data(mac).base64EncodedString()],
            body: Array(body.utf8))
    }

    static let zns = DialectReports(channel: "zalo", reports: [
        Report(label: "user_received_message", state: .delivered) { target, _ in
            zaloCall(channel: "zalo", #""event_name":"user_received_message","sender":{"id":"4417283910"},"recipient":{"id":"\#(target.msisdn)"},"message":{"msg_id":"\#(target.ref)","tracking_id":"\#(target.key)","delivery_time":"1764660001000"}"#)
        },
    ])

    static let oa = DialectReports(channel: "oa", reports: [
        Report(label: "user_received_message", state: .delivered) { target, _ in
            zaloCall(channel: "oa", #""event_name":"user_received_message","sender":{"id":"4417283910"},"recipient":{"id":"7\#(target.message)"},"message":{"msg_id":"\#(target.ref)"}"#)
        },
        Report(label: "user_seen_message", state: .opened) { target, _ in
            zaloCall(channel: "oa", #""event_name":"user_seen_message","sender":{"id":"7\#(target.message)"},"recipient":{"id":"4417283910"},"message":{"msg_ids":["\#(target.ref)"]}"#)
        },
    ])

    /// A signed Zalo event (§3.4): `fields` inside the envelope with `app_id` and `timestamp`.
    static func zaloCall(channel: String, _ fields: String) -> Call {
        // Zalo's events carry the time they were sent; Loa refuses stale ones.
        let timestamp = String(Int64(Date().timeIntervalSince1970 * 1000))
        let body = #"{"app_id":"\#(ServerHarness.appID)","timestamp":"\#(timestamp)",\#(fields)}"#
        return Call(
            method: .post, path: ServerHarness.hookPath(channel),
            headers: [
                "Content-Type": "application/json", "X-ZEvent-Signature": ServerHarness.zaloSignature(body: body, timestamp: timestamp),
            ],
            body: Array(body.utf8))
    }

    /// The target of a claimed job whose send left gateway id `G<message id>`.
    static func target(_ job: DispatchJob, notice: String) -> Target {
        Target(
            notice: notice, message: job.messageID, key: job.idempotencyKey, ref: "G\(job.messageID)",
            msisdn: String(job.recipient.phone?.e164.dropFirst() ?? ""))
    }
}
