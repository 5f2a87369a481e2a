import Foundation
import LoaHTTP
import LoaSimulator
import LoaTesting
import Testing

@Suite("Inspection endpoints and bad input")
struct InspectionTests {
    @Test("GET /_sim/stats serves the counters and keys as JSON; POST /_sim/reset clears them")
    func statsAndReset() async throws {
        try await withSimulator { sim in
            _ = try await sim.sendZNS(phone: "84912345678", tracking: "T-1")
            _ = try await sim.sendZNS(phone: "84912345678", tracking: "T-1")
            _ = try await sim.sendESMS(phone: "0912345678", requestID: "R-1")
            let stats = try await sim.client.send(HTTPRequest(url: sim.baseURL + "/_sim/stats"))
            #expect(stats.status == 200)
            let decoded = try JSONDecoder().decode(SimulatorStats.self, from: Data(stats.body))
            #expect(decoded[.zaloZNS].keys == ["T-1": 2])
            #expect(decoded[.zaloZNS].accepted == 2 && decoded[.esms].accepted == 1)
            #expect(decoded == sim.simulator.stats)
            let lean = try await sim.client.send(HTTPRequest(url: sim.baseURL + "/_sim/stats?keys=0"))
            #expect(try JSONDecoder().decode(SimulatorStats.self, from: Data(lean.body))[.zaloZNS].keys.isEmpty)

            let reset = try await sim.post("/_sim/reset", json: "")
            #expect(reset.status == 200)
            #expect(sim.simulator.stats.totalSends == 0)
            // The eSMS same-day register was cleared too.
            let again = try jsonObject(try await sim.sendESMS(phone: "0912345678", requestID: "R-1").body)
            #expect(again["CodeResult"] as? String == "100")
        }
    }

    @Test("Malformed JSON, wrong content types, empty and huge bodies get the gateway's error shape")
    func badBodies() async throws {
        var options = SimulatorOptions()
        options.maxBodySize = 64 * 1024
        try await withSimulator(options) { sim in
            let zns = try await sim.post("/message/template", json: #"{"phone": "84"#, headers: ["access_token": "x"])
            #expect(zns.status == 400)
            #expect(try jsonObject(zns.body)["error"] as? Int == -201)
            let form = try await sim.post(
                "/MainService.svc/json/SendMultipleMessage_V4_post_json/", json: "ApiKey=a&Phone=1",
                headers: ["Content-Type": "application/x-www-form-urlencoded"])
            #expect(form.status == 400)
            #expect(try jsonObject(form.body)["CodeResult"] as? String == "400")
            let array = try await sim.post("/webhook/x", json: "[1,2]")
            #expect(array.status == 400)
            let empty = try await sim.post("/webhook/x", json: "")
            #expect(empty.status == 400)
            let noID = try await sim.post("/webhook/x", json: #"{"body":"x"}"#)
            #expect(noID.status == 400)
            let huge = try await sim.post(
                "/webhook/x", json: #"{"id":"big","pad":""# + String(repeating: "a", count: 200_000) + #""}"#)
            #expect(huge.status == 413)
            let binary = try await sim.client.send(HTTPRequest(
                method: .post, url: sim.baseURL + "/message/template", body: [0xFF, 0x00, 0xFE]))
            #expect(binary.status == 400)
            let unknown = try await sim.post("/nowhere", json: "{}")
            #expect(unknown.status == 404)
            // The server is still fine.
            #expect(try await sim.sendZNS(phone: "84912345678", tracking: "ok").status == 200)
            let stats = sim.simulator.stats
            #expect(stats[.webhook].rejected(400) == 3 && stats[.webhook].rejected(413) == 1)
        }
    }

    @Test("Two simulators run side by side on their own ports; start is idempotent, stop frees the port")
    func lifecycle() async throws {
        let first = GatewaySimulator()
        let second = GatewaySimulator()
        let port = try await first.start()
        #expect(try await first.start() == port)
        #expect(try await second.start() != port)
        #expect(first.baseURL == "http://127.0.0.1:\(port)")
        await first.stop()
        await second.stop()
        #expect(first.port == nil)
        let client = HTTPClient()
        defer { client.shutdown() }
        await #expect(throws: HTTPClientError.self) {
            _ = try await client.send(HTTPRequest(url: "http://127.0.0.1:\(port)/_sim/health", timeout: .seconds(2)))
        }
    }
}
