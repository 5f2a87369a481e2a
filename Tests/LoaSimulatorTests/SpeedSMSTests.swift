import Foundation
import LoaHTTP
import LoaSimulator
import LoaTesting
import Testing

@Suite("SpeedSMS dialect")
struct SpeedSMSTests {
    @Test("A send answers status success, code 00 and data.tranId; the push report is §5's JSON")
    func sendAndReport() async throws {
        let receiver = try makeReceiver()
        defer { receiver.shutdown() }
        var options = SimulatorOptions()
        options.speedsms.callbackURL = receiver.url("/hooks/speedsms/s3cret/status")
        try await withSimulator(options) { sim in
            let response = try await sim.sendSpeedSMS(to: ["84912345678"], content: "Họp thôn: 19:30 tại nhà văn hóa.")
            #expect(response.status == 200)
            let body = try jsonObject(response.body)
            #expect(body["status"] as? String == "success" && body["code"] as? String == "00")
            let tranID = try #require(value(body, "data.tranId") as? Int)
            #expect(value(body, "data.totalSMS") as? Int == 1)
            #expect((value(body, "data.invalidPhone") as? [Any])?.isEmpty == true)
            #expect(await sim.simulator.waitUntilIdle())
            let report = try #require(receiver.requests.first)
            #expect(report.method == "POST" && report.path == "/hooks/speedsms/s3cret/status")
            let pushed = try jsonObject(report.body)
            #expect(pushed["tranId"] as? Int == tranID && pushed["phone"] as? String == "84912345678")
            #expect(pushed["status"] as? Int == 0 && pushed["type"] as? String == "report")
            #expect(sim.simulator.stats[.speedsms].callbacksSent == 1)
        }
    }

    @Test("Accented text is billed in UCS-2 parts; failed deliveries report a non-zero status")
    func partsAndFailure() async throws {
        let receiver = try makeReceiver()
        defer { receiver.shutdown() }
        var options = SimulatorOptions()
        options.speedsms.callbackURL = receiver.url("/dlr")
        options.deliveryFailureRate = 1
        try await withSimulator(options) { sim in
            let text = "Thông báo tiêm phòng: Trạm y tế xã tiêm vắc xin dại cho chó mèo từ 7 giờ sáng thứ Bảy 05/12 "
                + "tại sân nhà văn hóa thôn Đông. Bà con mang theo sổ."
            let body = try jsonObject(try await sim.sendSpeedSMS(to: ["84987654321"], content: text).body)
            #expect(value(body, "data.totalSMS") as? Int == 3)
            #expect(await sim.simulator.waitUntilIdle())
            #expect(try jsonObject(try #require(receiver.requests.first).body)["status"] as? Int == 1)
            #expect(sim.simulator.stats[.speedsms].undelivered == 1)
        }
    }

    @Test("Refusals: bad token 401, bad numbers 105 with invalidPhone, missing content or sender 101")
    func refusals() async throws {
        try await withSimulator { sim in
            let unauthorised = try await sim.sendSpeedSMS(to: ["84912345678"], content: "x", token: "nope")
            #expect(unauthorised.status == 401)
            let invalid = try jsonObject(try await sim.sendSpeedSMS(to: ["0241234567", "12"], content: "x").body)
            #expect(invalid["status"] as? String == "error" && invalid["code"] as? String == "105")
            #expect(invalid["invalidPhone"] as? [String] == ["0241234567", "12"])
            let empty = try jsonObject(try await sim.sendSpeedSMS(to: ["84912345678"], content: "").body)
            #expect(empty["code"] as? String == "101")
            let noSender = try jsonObject(try await sim.sendSpeedSMS(to: ["84912345678"], content: "x", sender: nil).body)
            #expect(noSender["code"] as? String == "101")
            let partial = try jsonObject(try await sim.sendSpeedSMS(to: ["84912345678", "12"], content: "x").body)
            #expect(partial["code"] as? String == "00" && value(partial, "data.invalidPhone") as? [String] == ["12"])
            #expect(sim.simulator.stats[.speedsms].accepted == 1)
        }
    }
}

extension SimulatorHarness {
    /// Sends a SpeedSMS message as brandname (type 3) with the default token.
    func sendSpeedSMS(
        to numbers: [String], content: String, sender: String? = "UBND XA",
        token: String = SpeedSMSAccount().accessToken
    ) async throws -> HTTPResponse {
        var object: [String: Any] = ["to": numbers, "content": content, "sms_type": 3]
        object["sender"] = sender
        let body = String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
        let basic = "Basic " + Data((token + ":x").utf8).base64EncodedString()
        return try await post("/index.php/sms/send", json: body, headers: ["Authorization": basic])
    }
}
