import Crypto
import Foundation
import LoaCore
import LoaHTTP
import LoaStore
import Testing

/// Issue 18 "Callbacks": forged callbacks over the real server are refused and change nothing.
/// Whoever holds one channel's hook URL (here Kannel's, an unsigned gateway) tries to mark the
/// harness's Zalo messages delivered or failed, to report on another message of its own channel,
/// and to acknowledge through a channel that cannot carry the sender's replies.
@Suite("Forged callbacks", .serialized)
struct CallbackForgeryTests {
    static let zaloFollower = "8412000000777001"

    static func start() async throws -> ServerHarness {
        try await ServerHarness.start(
            extraChannels: DialectReports.channels,
            moreResidents: [
                ResidentInput(
                    name: "Đỗ Văn Em", phone: Residents.phone("0912777001"), zaloID: zaloFollower, hamlet: "Thông Nhất")
            ])
    }

    /// Every message of `notice`, with its state and its events, to compare before and after.
    static func snapshot(_ server: ServerHarness, notice: String) async throws -> [String] {
        var lines: [String] = []
        for message in try await server.store.messages(notice: notice) {
            let events = try await server.store.events(message: message.id).map { "\($0.kind)/\($0.state?.rawValue ?? "-")" }
            lines.append("\(message.id) \(message.state.rawValue) \(events)")
        }
        return lines
    }

    @Test
    func oneChannelsSecretTouchesNoOtherChannelsMessage() async throws {
        let server = try await Self.start()
        let an = try server.job("Nguyễn Văn An")
        let before = try await Self.snapshot(server, notice: server.notice.id)
        let kannel = ServerHarness.hookPath("kannel")
        let attacks: [(String, Int)] = [
            // Kannel's hook, no token: the Zalo message's key is not enough.
            (kannel + "?key=\(an.idempotencyKey)&type=1&ts=1764660000", 401),
            (kannel + "?key=\(an.idempotencyKey)&type=16&ts=1764660000", 401),
            // Even a token that vouches for the key on Kannel finds no Kannel attempt: lookups are per channel.
            (kannel + "?key=\(an.idempotencyKey)&" + ServerHarness.hookToken("kannel", key: an.idempotencyKey) + "&type=2", 200),
            // eSMS's hook with the Zalo message's gateway id and no key to hold a token against.
            (ServerHarness.hookPath("sms") + "?SMSID=R\(an.messageID)&SendStatus=5&SendSuccess=0&SendFailed=1", 401),
            // eSMS's token for the key, on the eSMS channel, where no attempt has that key.
            (ServerHarness.hookPath("sms") + "?" + ServerHarness.hookToken("sms", key: an.idempotencyKey)
                + "&RequestId=\(an.idempotencyKey)&SendStatus=5&SendSuccess=1", 200),
            // Kannel's secret on Zalo's path, and the configured hook_secret itself.
            ("/hooks/zalo/\(ServerHarness.hookSegment("kannel"))/status?key=\(an.idempotencyKey)&type=1", 404),
            ("/hooks/kannel/\(ServerHarness.hookSecret)/status?key=\(an.idempotencyKey)&type=1", 404),
        ]
        for (path, status) in attacks {
            let response = try await server.request(.get, path)
            #expect(response.status == status, "\(path): \(String(decoding: response.body, as: UTF8.self))")
        }
        #expect(try await Self.snapshot(server, notice: server.notice.id) == before)
        #expect(try await server.state("Nguyễn Văn An") == .accepted)
        await server.stop()
    }

    @Test
    func aTokenSpeaksForItsOwnMessageOnly() async throws {
        let server = try await Self.start()
        let sent = try await server.send(on: "kannel")
        let an = try #require(sent.jobs["Nguyễn Văn An"])
        let binh = try #require(sent.jobs["Trần Thị Bình"])
        let before = try await Self.snapshot(server, notice: sent.notice)
        let kannel = ServerHarness.hookPath("kannel")
        // Bình's dlr-url, which the attacker read, turned on An's message; and a made-up token.
        for token in [ServerHarness.hookToken("kannel", key: binh.idempotencyKey), "t=0000000000000000", "t="] {
            let response = try await server.request(.get, kannel + "?key=\(an.idempotencyKey)&\(token)&type=16&ts=1764660000")
            #expect(response.status == 401)
        }
        let esms = try await server.request(
            .get, ServerHarness.hookPath("sms") + "?" + ServerHarness.hookToken("sms", key: binh.idempotencyKey)
                + "&RequestId=\(an.idempotencyKey)&SendStatus=5&SendSuccess=1")
        #expect(esms.status == 401)
        #expect(try await Self.snapshot(server, notice: sent.notice) == before)
        // The report Kannel really makes for An, through An's own dlr-url, is taken.
        let real = try await server.request(
            .get, kannel + "?key=\(an.idempotencyKey)&" + ServerHarness.hookToken("kannel", key: an.idempotencyKey) + "&type=1&ts=1764660000")
        #expect(real.status == 200)
        #expect(try await server.state(notice: sent.notice, message: an.messageID) == .delivered)
        #expect(try await server.state(notice: sent.notice, message: binh.messageID) == .accepted)
        await server.stop()
    }

    @Test
    func aReplyAcknowledgesOnlyThroughAChannelThatCarriesItsSender() async throws {
        let server = try await Self.start()
        let before = try await Self.snapshot(server, notice: server.notice.id)
        let code = server.notice.shortCode
        // Kannel (SMS) naming a Zalo follower; the OA (Zalo), correctly signed, naming a phone.
        let sms = try await server.request(
            .get, ServerHarness.hookPath("kannel", "inbound") + "?from=\(Self.zaloFollower)&to=8069&text=XN+\(code)&ts=1764660000&id=in-1")
        #expect(sms.status == 401)
        let oa = DialectReports.zaloCall(
            channel: "oa",
            #""event_name":"user_send_text","sender":{"id":"+84912345678"},"recipient":{"id":"4417283910"},"message":{"msg_id":"in-2","text":"XN \#(code)"}"#)
        let zalo = try await server.request(oa.method, ServerHarness.hookPath("oa", "inbound"), headers: oa.headers, body: oa.body)
        #expect(zalo.status == 401)
        #expect(try await server.store.replies(limit: 10).isEmpty)
        #expect(try await Self.snapshot(server, notice: server.notice.id) == before)

        // The same words through channels that carry those senders acknowledge.
        let byPhone = try await server.request(
            .get, ServerHarness.hookPath("kannel", "inbound") + "?from=84912345678&to=8069&text=XN+\(code)&ts=1764660000&id=in-3")
        #expect(byPhone.status == 200)
        #expect(try await server.state("Nguyễn Văn An") == .acknowledged)
        let replies = try await server.store.replies(limit: 10)
        #expect(replies.map(\.outcome) == ["acknowledged \(server.notice.id)"])
        await server.stop()
    }

    @Test
    func aTwilioGetCallbackIsVerifiedOnItsURLAndReadFromItsQuery() async throws {
        let server = try await Self.start()
        let sent = try await server.send(on: "twilio", refPrefix: "SM")
        let an = try #require(sent.jobs["Nguyễn Văn An"])
        let path = ServerHarness.hookPath("twilio") + "?MessageSid=SM\(an.messageID)&MessageStatus=delivered&To=%2B84912345678"
        func signature(_ url: String) -> String {
            // gateways.md §9: a GET has no POST parameters; the signed data is the URL alone.
            let mac = HMAC<Insecure.SHA1>.authenticationCode(
                for: Data(url.utf8), using: SymmetricKey(data: Data(DialectReports.twilioToken.utf8)))
            return Data(mac).base64EncodedString()
        }
        let forged = [
            (path, [String: String]()),
            (path.replacingOccurrences(of: "delivered", with: "failed"), ["X-Twilio-Signature": signature(server.base + path)]),
            (path + "&MessageStatus=failed", ["X-Twilio-Signature": signature(server.base + path)]),
        ]
        for (forgedPath, headers) in forged {
            let response = try await server.request(.get, forgedPath, headers: HTTPHeaders(headers.map { ($0.key, $0.value) }))
            #expect(response.status == 401, "\(forgedPath)")
        }
        #expect(try await server.state(notice: sent.notice, message: an.messageID) == .accepted)
        #expect(try await server.store.events(message: an.messageID).filter { $0.kind == "receipt" }.isEmpty)
        let signed = try await server.request(.get, path, headers: ["X-Twilio-Signature": signature(server.base + path)])
        #expect(signed.status == 200, "\(String(decoding: signed.body, as: UTF8.self))")
        #expect(try await server.state(notice: sent.notice, message: an.messageID) == .delivered)
        await server.stop()
    }
}
