import Foundation
import LoaCore
import LoaHTTP
import LoaStore
import Testing

/// One webhook URL per Zalo app (gateways.md §13): ZNS receipts and OA events of one app arrive at
/// whichever URL was registered, signed as Zalo signs (§3.4), and each lands on its own channel.
@Suite("Zalo app webhook")
struct ZaloAppHookTests {
    static let oaChannel = """
        [[channels]]
        name = "zalo-oa"
        kind = "zalo-oa"
        app_id = "\(ServerHarness.appID)"
        secret_key = "\(ServerHarness.zaloSecret)"
        access_token = "oa-access-token"
        """

    static func stamp(_ date: Date = Date()) -> String { String(Int64(date.timeIntervalSince1970 * 1000)) }

    /// Posts `body` to `channel`'s hook as Zalo would, with `X-ZEvent-Server: ZNS` for ZNS events.
    static func post(
        _ server: ServerHarness, _ channel: String, _ body: String, timestamp: String, zns: Bool = false, forged: Bool = false
    ) async throws -> Int {
        var headers: HTTPHeaders = [
            "Content-Type": "application/json",
            "X-ZEvent-Signature": forged
                ? ServerHarness.zaloSignature(body: body + " ", timestamp: timestamp)
                : ServerHarness.zaloSignature(body: body, timestamp: timestamp),
        ]
        if zns { headers.add(name: "X-ZEvent-Server", value: "ZNS") }
        return try await server.request(.post, ServerHarness.hookPath(channel), headers: headers, body: Array(body.utf8)).status
    }

    @Test
    func aZNSReceiptAndOAEventsPostedToOneURLEachLandOnTheirOwnChannel() async throws {
        let server = try await ServerHarness.start(extraChannels: Self.oaChannel)
        let an = try server.job("Nguyễn Văn An")
        let sent = try await server.send(on: "zalo-oa", refPrefix: "OA")
        let binh = try #require(sent.jobs["Trần Thị Bình"])
        let cuong = try #require(sent.jobs["Lê Văn Cường"])
        let time = Self.stamp()
        // ZNS receipt (§1.3) at the OA channel's URL.
        let receipt = """
            {"app_id":"\(ServerHarness.appID)","event_name":"user_received_message","timestamp":"\(time)",\
            "sender":{"id":"4417283910"},"recipient":{"id":"84912345678"},\
            "message":{"msg_id":"8c1f0e2a9b","tracking_id":"\(an.idempotencyKey)","delivery_time":"\(time)"}}
            """
        #expect(try await Self.post(server, "zalo-oa", receipt, timestamp: time, zns: true) == 200)
        #expect(try await server.state("Nguyễn Văn An") == .delivered)
        // OA receipt and "seen" (§3.2: sender = OA) at the ZNS channel's URL.
        let received = """
            {"app_id":"\(ServerHarness.appID)","event_name":"user_received_message","timestamp":"\(time)",\
            "sender":{"id":"4417283910"},"recipient":{"id":"7210394857361029384"},"message":{"msg_id":"OA\(binh.messageID)"}}
            """
        #expect(try await Self.post(server, "zalo", received, timestamp: time) == 200)
        #expect(try await server.state(notice: sent.notice, message: binh.messageID) == .delivered)
        let seen = """
            {"app_id":"\(ServerHarness.appID)","event_name":"user_seen_message","timestamp":"\(time)",\
            "sender":{"id":"4417283910"},"recipient":{"id":"7210394857361029385"},"message":{"msg_ids":["OA\(cuong.messageID)"]}}
            """
        #expect(try await Self.post(server, "zalo", seen, timestamp: time) == 200)
        #expect(try await server.state(notice: sent.notice, message: cuong.messageID) == .opened)
        let events = try await server.store.events(message: binh.messageID)
        #expect(events.allSatisfy { $0.channel == "zalo-oa" }, "recorded on the OA channel: \(events.map(\.channel))")
        await server.stop()
    }

    @Test
    func aForgedEventChangesNothingAndAnUnknownOneIsAnsweredAndIgnored() async throws {
        let server = try await ServerHarness.start(extraChannels: Self.oaChannel)
        let sent = try await server.send(on: "zalo-oa", refPrefix: "OA")
        let binh = try #require(sent.jobs["Trần Thị Bình"])
        let time = Self.stamp()
        let received = """
            {"app_id":"\(ServerHarness.appID)","event_name":"user_received_message","timestamp":"\(time)",\
            "sender":{"id":"4417283910"},"recipient":{"id":"7210394857361029384"},"message":{"msg_id":"OA\(binh.messageID)"}}
            """
        #expect(try await Self.post(server, "zalo", received, timestamp: time, forged: true) == 401)
        #expect(try await Self.post(server, "zalo-oa", received, timestamp: time, forged: true) == 401)
        #expect(try await server.state(notice: sent.notice, message: binh.messageID) == .accepted)
        #expect(try await server.store.events(message: binh.messageID).filter { $0.kind == "receipt" }.isEmpty)
        // §3.3: repeated non-200 answers disable the webhook, so an event Loa has no use for gets 200.
        let quota = """
            {"app_id":"\(ServerHarness.appID)","event_name":"change_oa_daily_quota","timestamp":"\(time)",\
            "oa_id":"4417283910","quota":{"prev_value":"500","new_value":"1000"}}
            """
        for channel in ["zalo", "zalo-oa"] {
            #expect(try await Self.post(server, channel, quota, timestamp: time, zns: true) == 200)
            #expect(try await Self.post(server, channel, quota, timestamp: time) == 200)
        }
        #expect(try await server.state(notice: sent.notice, message: binh.messageID) == .accepted)
        await server.stop()
    }

    @Test
    func aFollowersReplyAcknowledgesThroughTheZNSChannelWhenTheAppHasNoOAChannel() async throws {
        let follower = ResidentInput(
            name: "Hoàng Văn Em", phone: Residents.phone("0911222333"), zaloID: "7210394857361029999", hamlet: "Đồng Tâm")
        let server = try await ServerHarness.start(moreResidents: [follower])
        let sent = try await server.send(on: "zalo", refPrefix: "Z", to: [.phone(Residents.phone("0911222333"))])
        let em = try #require(sent.jobs["Hoàng Văn Em"])
        let time = Self.stamp()
        let text = """
            {"app_id":"\(ServerHarness.appID)","event_name":"user_send_text","timestamp":"\(time)",\
            "sender":{"id":"7210394857361029999"},"recipient":{"id":"4417283910"},"message":{"msg_id":"in-1","text":"XN"}}
            """
        #expect(try await Self.post(server, "zalo", text, timestamp: time) == 200)
        #expect(try await server.state(notice: sent.notice, message: em.messageID) == .acknowledged)
        await server.stop()
    }
}
