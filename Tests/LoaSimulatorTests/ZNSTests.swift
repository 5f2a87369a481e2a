import Foundation
import LoaHTTP
import LoaSimulator
import LoaTesting
import Testing

@Suite("Zalo ZNS dialect")
struct ZNSTests {
    @Test("An accepted send answers HTTP 200 with error 0, msg_id, ms sent_time and string quota")
    func acceptedShape() async throws {
        try await withSimulator { sim in
            let response = try await sim.sendZNS(phone: "84912345678", tracking: "N1-R1-zalo-1")
            #expect(response.status == 200)
            let body = try jsonObject(response.body)
            #expect(body["error"] as? Int == 0)
            #expect(body["message"] as? String == "Success")
            let messageID = try #require(value(body, "data.msg_id") as? String)
            #expect(messageID.count == 20)
            let sentTime = try #require(value(body, "data.sent_time") as? String)
            let now = Date().timeIntervalSince1970 * 1000
            #expect(abs((Double(sentTime) ?? 0) - now) < 60_000)
            #expect(value(body, "data.quota.dailyQuota") as? String == "1000000")
            #expect(value(body, "data.quota.remainingQuota") as? String == "999999")
            #expect(sim.simulator.stats[.zaloZNS].accepted == 1)
            #expect(sim.simulator.stats[.zaloZNS].keys == ["N1-R1-zalo-1": 1])
        }
    }

    @Test("Refusals: wrong token -124, bad phone -108, template data -1122/-111/-1124, unknown template -109")
    func refusals() async throws {
        var options = SimulatorOptions()
        options.zalo.templateIDs = ["231456"]
        try await withSimulator(options) { sim in
            func code(_ response: HTTPResponse) throws -> Int? {
                #expect(response.status == 200)
                return try jsonObject(response.body)["error"] as? Int
            }
            let name = #"{"name":"An"}"#
            let token = ZaloZNSAccount().accessToken
            let cases: [(phone: String, data: String, token: String, code: Int)] = [
                ("84912345678", name, "stale", -124),
                ("0912 345 678", name, token, -108),  // gateways take digits only
                ("8424123456", name, token, -108),  // a Hanoi landline
                ("84912345678", "null", token, -1122),
                ("84912345678", "{}", token, -111),
                ("84912345678", #"{"a":[1]}"#, token, -1124),
            ]
            for (index, item) in cases.enumerated() {
                let response = try await sim.sendZNS(
                    phone: item.phone, tracking: "t\(index)", data: item.data, token: item.token)
                #expect(try code(response) == item.code, "\(item)")
            }
            let unknownTemplate = try await sim.post(
                "/message/template",
                json: #"{"phone":"84912345678","template_id":"999","template_data":{"a":"b"},"tracking_id":"t7"}"#,
                headers: ["access_token": ZaloZNSAccount().accessToken])
            #expect(try code(unknownTemplate) == -109)
            let stats = sim.simulator.stats[.zaloZNS]
            #expect(stats.rejected(-124) == 1 && stats.rejected(-108) == 2 && stats.rejected(-109) == 1)
            #expect(stats.accepted == 0 && stats.sends == 7)
        }
    }

    @Test("Residents without Zalo are decided by the number alone, near the configured share")
    func noZaloShare() async throws {
        var options = SimulatorOptions()
        options.noZaloShare = 0.3
        let phones = (0..<1000).map(phone)
        let predicted = phones.filter { !options.residentHasZalo(phone: $0) }
        #expect((240...360).contains(predicted.count))
        // The same number in another form, and under another seed, gets the same answer.
        var reseeded = options
        reseeded.seed = 99
        #expect(phones.allSatisfy { options.residentHasZalo(phone: $0) == reseeded.residentHasZalo(phone: "+" + $0) })
        try await withSimulator(options) { sim in
            for (index, number) in phones.prefix(60).enumerated() {
                let body = try jsonObject(try await sim.sendZNS(phone: number, tracking: "k\(index)").body)
                let expected = options.residentHasZalo(phone: number) ? 0 : -118
                #expect(body["error"] as? Int == expected, "\(number)")
            }
            let again = try jsonObject(try await sim.sendZNS(phone: predicted[0], tracking: "again").body)
            #expect(again["error"] as? Int == -118)
        }
    }

    @Test("The delivery event carries §1.3's fields and a signature that verifies by §3.4")
    func signedDeliveryEvent() async throws {
        let receiver = try makeReceiver()
        defer { receiver.shutdown() }
        var options = SimulatorOptions()
        options.zalo.callbackURL = receiver.url("/hooks/zalo/s3cret/status")
        try await withSimulator(options) { sim in
            let reply = try jsonObject(try await sim.sendZNS(phone: "0912345678", tracking: "N7-R9-zalo-1").body)
            #expect(await sim.simulator.waitUntilIdle())
            let event = try #require(receiver.requests.first)
            #expect(event.method == "POST" && event.path == "/hooks/zalo/s3cret/status")
            #expect(event.header("X-ZEvent-Server") == "ZNS")
            let body = try jsonObject(event.body)
            #expect(body["event_name"] as? String == "user_received_message")
            #expect(body["app_id"] as? String == options.zalo.appID)
            #expect(value(body, "sender.id") as? String == options.zalo.oaID)
            #expect(value(body, "recipient.id") as? String == "84912345678")
            #expect(value(body, "message.msg_id") as? String == value(reply, "data.msg_id") as? String)
            #expect(value(body, "message.tracking_id") as? String == "N7-R9-zalo-1")
            #expect(Int64(try #require(value(body, "message.delivery_time") as? String)) != nil)
            let timestamp = try #require(body["timestamp"] as? String)
            let signed = Array(options.zalo.appID.utf8) + event.body + Array(timestamp.utf8)
                + Array(options.zalo.secretKey.utf8)
            #expect(event.header("X-ZEvent-Signature") == "mac=" + (try sha256sum(signed)))
            #expect(sim.simulator.stats[.zaloZNS].callbacksSent == 1)
        }
    }

    @Test("Undelivered ZNS messages get no event; duplicates arrive twice")
    func failuresAndDuplicates() async throws {
        let receiver = try makeReceiver()
        defer { receiver.shutdown() }
        var options = SimulatorOptions()
        options.zalo.callbackURL = receiver.url("/z")
        options.deliveryFailureRate = 0.5
        options.duplicateCallbackRate = 1
        try await withSimulator(options) { sim in
            for index in 0..<20 {
                _ = try await sim.sendZNS(phone: phone(index), tracking: "d\(index)")
            }
            #expect(await sim.simulator.waitUntilIdle())
            let stats = sim.simulator.stats[.zaloZNS]
            #expect(stats.delivered + stats.undelivered == 20)
            #expect(stats.delivered > 3 && stats.undelivered > 3)
            #expect(receiver.requestCount == 2 * stats.delivered)
            #expect(stats.callbacksSent == 2 * stats.delivered)
        }
    }
}
