import Foundation
import LoaHTTP
import LoaSimulator
import LoaTesting
import Testing

/// The simulated OA's account calls (gateways.md §1.4, §13): template info, the quota call, the
/// template's maximum lengths (`-1121`) and the daily quota (`-144`).
@Suite("Zalo ZNS account calls")
struct ZNSAccountTests {
    static func options(quota: Int) -> SimulatorOptions {
        var options = SimulatorOptions()
        options.zalo.dailyQuota = quota
        options.zalo.templates["231456"] = ZNSTemplateSpec(
            name: "Mời họp thôn",
            params: [.init("name", maxLength: 30), .init("ma", type: "URL", maxLength: 200)],
            buttonURL: "https://loa.hailang.gov.vn/m/<ma>")
        return options
    }

    func get(_ sim: SimulatorHarness, _ path: String, token: String = ZaloZNSAccount().accessToken) async throws -> [String: Any] {
        let response = try await sim.client.send(HTTPRequest(url: sim.baseURL + path, headers: ["access_token": token]))
        #expect(response.status == 200)
        return try jsonObject(response.body)
    }

    @Test("Template info lists each parameter's limits and the registered button URL")
    func templateInfo() async throws {
        try await withSimulator(Self.options(quota: 5)) { sim in
            let body = try await get(sim, "/template/info/v2?template_id=231456")
            #expect(body["error"] as? Int == 0)
            #expect(value(body, "data.status") as? String == "ENABLE")
            let params = try #require(value(body, "data.listParams") as? [[String: Any]])
            #expect(params.map { $0["name"] as? String } == ["name", "ma"])
            #expect(params.map { $0["maxLength"] as? Int } == [30, 200])
            #expect(params[1]["type"] as? String == "URL" && params[0]["require"] as? Bool == true)
            let buttons = try #require(value(body, "data.listButtons") as? [[String: Any]])
            #expect(buttons.first?["content"] as? String == "https://loa.hailang.gov.vn/m/<ma>")
            #expect(try await get(sim, "/template/info/v2?template_id=999")["error"] as? Int == -109)
            #expect(try await get(sim, "/template/info/v2?template_id=231456", token: "stale")["error"] as? Int == -124)
        }
    }

    @Test("A value over its parameter's maxLength is -1121 and uses no quota; the quota runs down to -144")
    func limitsAndQuota() async throws {
        try await withSimulator(Self.options(quota: 2)) { sim in
            let long = String(repeating: "Nguyễn ", count: 5)
            let refused = try jsonObject(try await sim.sendZNS(
                phone: "84912345678", tracking: "t0", data: #"{"name":"\#(long)","ma":"q7Xk"}"#).body)
            #expect(refused["error"] as? Int == -1121)
            var left: [String?] = []
            for index in 1...2 {
                let body = try jsonObject(try await sim.sendZNS(
                    phone: "84912345678", tracking: "t\(index)", data: #"{"name":"Lê Thị Hoa","ma":"q7Xk"}"#).body)
                left.append(value(body, "data.quota.remainingQuota") as? String)
            }
            #expect(left == ["1", "0"])
            let over = try jsonObject(try await sim.sendZNS(
                phone: "84912345678", tracking: "t3", data: #"{"name":"Lê Thị Hoa","ma":"q7Xk"}"#).body)
            #expect(over["error"] as? Int == -144)
            #expect(over["message"] as? String == "OA has exceeded the daily quota for sending ZNS")
            let quota = try await get(sim, "/message/quota")
            #expect(value(quota, "data.dailyQuota") as? Int == 2 && value(quota, "data.remainingQuota") as? Int == 0)
        }
    }
}
