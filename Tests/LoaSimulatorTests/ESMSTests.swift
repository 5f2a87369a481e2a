import LoaHTTP
import LoaSimulator
import LoaTesting
import Testing

@Suite("eSMS dialect")
struct ESMSTests {
    @Test("A send answers CodeResult 100 and the report is a GET with §4.3's parameters")
    func sendAndReport() async throws {
        let receiver = try makeReceiver()
        defer { receiver.shutdown() }
        try await withSimulator { sim in
            let response = try await sim.sendESMS(
                phone: "0912345678", requestID: "N1-R2-sms-1", callback: receiver.url("/hooks/sms/s3cret/status?x=1"))
            #expect(response.status == 200)
            let body = try jsonObject(response.body)
            #expect(body["CodeResult"] as? String == "100")
            #expect(body["CountRegenerate"] as? Int == 0)
            let smsID = try #require(body["SMSID"] as? String)
            #expect(await sim.simulator.waitUntilIdle())
            let report = try #require(receiver.requests.first)
            #expect(report.method == "GET" && report.path == "/hooks/sms/s3cret/status")
            #expect(queryValue(report, "x") == "1")
            #expect(queryValue(report, "SMSID") == smsID)
            #expect(queryValue(report, "RequestId") == "N1-R2-sms-1")
            #expect(queryValue(report, "SendStatus") == "5")
            #expect(queryValue(report, "SendSuccess") == "1" && queryValue(report, "SendFailed") == "0")
            #expect(queryValue(report, "TotalReceiver") == "1" && queryValue(report, "TypeId") == "2")
            #expect(queryValue(report, "telcoid") == "3")  // 091 is Vinaphone
            #expect(queryValue(report, "phonenumber") == "0912345678")
            #expect(sim.simulator.stats[.esms].callbacksSent == 1)
        }
    }

    @Test("A RequestId repeated the same day gets 124 with SendStatus 5; keys count both arrivals")
    func duplicateRequestID() async throws {
        try await withSimulator { sim in
            #expect(try jsonObject(try await sim.sendESMS(phone: "0987654321", requestID: "R-1").body)["CodeResult"]
                as? String == "100")
            let again = try jsonObject(try await sim.sendESMS(phone: "0987654321", requestID: "R-1").body)
            #expect(again["CodeResult"] as? String == "124")
            #expect(again["SendStatus"] as? String == "5")
            let stats = sim.simulator.stats[.esms]
            #expect(stats.keys["R-1"] == 2 && stats.resentKeys == ["R-1": 2])
            #expect(stats.accepted == 1 && stats.rejected(124) == 1)
        }
    }

    @Test("Bad keys get 101, malformed numbers 108, landlines 99")
    func refusals() async throws {
        try await withSimulator { sim in
            func code(_ response: HTTPResponse) throws -> String? {
                try jsonObject(response.body)["CodeResult"] as? String
            }
            let unauthorised = try await sim.sendESMS(phone: "0912345678", requestID: "a", apiKey: "nope")
            #expect(try code(unauthorised) == "101")
            let short = try await sim.sendESMS(phone: "09123", requestID: "b")
            #expect(try code(short) == "108")
            let landline = try await sim.sendESMS(phone: "0241234567", requestID: "c")
            #expect(try code(landline) == "99")
            #expect(sim.simulator.stats[.esms].accepted == 0)
        }
    }

    @Test("Failed deliveries report SendFailed; out-of-order sends SendStatus 7 after the final 5")
    func failureAndOutOfOrder() async throws {
        let receiver = try makeReceiver()
        defer { receiver.shutdown() }
        var options = SimulatorOptions()
        options.deliveryFailureRate = 1
        options.outOfOrderRate = 1
        try await withSimulator(options) { sim in
            _ = try await sim.sendESMS(phone: "0987654321", requestID: "F-1", callback: receiver.url("/dlr"))
            #expect(await sim.simulator.waitUntilIdle())
            let statuses = receiver.requests.map { queryValue($0, "SendStatus") }
            #expect(statuses == ["5", "7"])
            #expect(queryValue(receiver.requests[0], "SendFailed") == "1")
            #expect(sim.simulator.stats[.esms].undelivered == 1)
        }
    }
}
