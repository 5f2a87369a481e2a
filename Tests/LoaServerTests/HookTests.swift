import Foundation
import LoaCore
import LoaHTTP
import LoaStore
import Testing

/// `/hooks/{channel}/{hook-secret}/{event}` over a real socket (SPEC §5, gateways.md §3.4, §4.3).
@Suite("Gateway hooks", .serialized)
struct HookTests {
    static let secret = ServerHarness.hookSecret

    static func receipt(key: String, msgID: String, timestamp: Date) -> (body: String, timestamp: String) {
        let stamp = String(Int64(timestamp.timeIntervalSince1970 * 1000))
        let body = """
            {"app_id":"\(ServerHarness.appID)","event_name":"user_received_message","timestamp":"\(stamp)",\
            "sender":{"id":"4417283910"},"recipient":{"id":"84912345678"},\
            "message":{"msg_id":"\(msgID)","tracking_id":"\(key)","delivery_time":"\(stamp)"}}
            """
        return (body, stamp)
    }

    @Test
    func aSignedZaloReceiptDeliversOnceHoweverOftenItComes() async throws {
        let server = try await ServerHarness.start()
        let an = try server.job("Nguyễn Văn An")
        let event = Self.receipt(key: an.idempotencyKey, msgID: "a1f3c9e07d2b4e58a1c2", timestamp: Date())
        let headers: HTTPHeaders = [
            "Content-Type": "application/json", "X-ZEvent-Server": "ZNS",
            "X-ZEvent-Signature": ServerHarness.zaloSignature(body: event.body, timestamp: event.timestamp),
        ]
        for _ in 0..<3 {
            let response = try await server.request(.post, ServerHarness.hookPath("zalo"), headers: headers, body: Array(event.body.utf8))
            #expect(response.status == 200)
        }
        #expect(try await server.state("Nguyễn Văn An") == .delivered)
        let receipts = try await server.store.events(message: an.messageID).filter { $0.kind == "receipt" }
        #expect(receipts.count == 1, "duplicates are harmless")
        await server.stop()
    }

    @Test
    func refusedHooksChangeNothing() async throws {
        let server = try await ServerHarness.start()
        let an = try server.job("Nguyễn Văn An")
        let event = Self.receipt(key: an.idempotencyKey, msgID: "m1", timestamp: Date())
        let good = ServerHarness.zaloSignature(body: event.body, timestamp: event.timestamp)
        let stale = Self.receipt(key: an.idempotencyKey, msgID: "m2", timestamp: Date().addingTimeInterval(-3 * 3600))
        let cases: [(String, HTTPHeaders, String, Int)] = [
            (ServerHarness.hookPath("zalo"), ["X-ZEvent-Signature": "mac=" + String(repeating: "0", count: 64)], event.body, 401),
            (ServerHarness.hookPath("zalo"), [:], event.body, 401),
            (ServerHarness.hookPath("zalo"), ["X-ZEvent-Signature": good], event.body + " ", 401),
            (ServerHarness.hookPath("zalo"),
             ["X-ZEvent-Signature": ServerHarness.zaloSignature(body: stale.body, timestamp: stale.timestamp)], stale.body, 401),
            ("/hooks/zalo/wrong-secret/status", ["X-ZEvent-Signature": good], event.body, 404),
            ("/hooks/zalo/\(ServerHarness.hookSegment("zalo"))x/status", ["X-ZEvent-Signature": good], event.body, 404),
            // The configured hook_secret itself opens nothing; each channel has its own.
            ("/hooks/zalo/\(Self.secret)/status", ["X-ZEvent-Signature": good], event.body, 404),
            ("/hooks/zalo/\(ServerHarness.hookSegment("sms"))/status", ["X-ZEvent-Signature": good], event.body, 404),
            ("/hooks/nosuch/\(ServerHarness.hookSegment("zalo"))/status", ["X-ZEvent-Signature": good], event.body, 404),
            ("/hooks/zalo/\(ServerHarness.hookSegment("zalo"))/other", ["X-ZEvent-Signature": good], event.body, 404),
        ]
        for (path, headers, body, status) in cases {
            let response = try await server.request(.post, path, headers: headers, body: Array(body.utf8))
            #expect(response.status == status, "\(path) \(headers)")
        }
        #expect(try await server.state("Nguyễn Văn An") == .accepted)
        #expect(try await server.store.events(message: an.messageID).isEmpty)
        await server.stop()
    }

    @Test
    func anESMSGetCallbackDeliversTheSMS() async throws {
        let server = try await ServerHarness.start()
        let sent = try await server.send(on: "sms")
        let binh = try #require(sent.jobs["Trần Thị Bình"])
        let query = "SMSID=S\(binh.messageID)&RequestId=\(binh.idempotencyKey)&SendStatus=5&SendSuccess=1&SendFailed=0"
            + "&TotalReceiver=1&TotalSent=1&TotalPrice=800&TypeId=2&telcoid=1&phonenumber=0987654321"
        // eSMS appends its parameters to the CallbackUrl Loa sent, token included (gateways.md §4.3).
        let path = ServerHarness.hookPath("sms") + "?" + ServerHarness.hookToken("sms", key: binh.idempotencyKey) + "&" + query
        let response = try await server.request(.get, path)
        #expect(response.status == 200)
        #expect(try await server.state(notice: sent.notice, message: binh.messageID) == .delivered)
        await server.stop()
    }

    @Test
    func anOKReplyAcknowledgesTheConvocation() async throws {
        let server = try await ServerHarness.start()
        let timestamp = String(Int64(Date().timeIntervalSince1970 * 1000))
        // A Zalo OA text from a follower is not a ZNS event, but the ZNS channel's URL carries it
        // only when the OA sends there; replies here come through the SMS gateway's inbound hook
        // in the Kannel and Twilio adapters. This checks the server's reply path with the store.
        let reply = try await server.store.recordReply(
            channel: "sms", sender: "+84356789012", text: "Xác nhận \(server.notice.shortCode)",
            reading: ReplyKeyword.read("Xác nhận \(server.notice.shortCode)"), dedupeKey: timestamp, at: Date())
        #expect(reply.outcome == "acknowledged \(server.notice.id)")
        #expect(try await server.state("Phạm Thị Dung") == .acknowledged)
        await server.stop()
    }
}
