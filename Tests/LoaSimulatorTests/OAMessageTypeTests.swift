import Foundation
import LoaHTTP
import LoaSimulator
import LoaTesting
import Testing

/// The simulated OA's two message types and its profile, read from gateways.md §3.1, §1.6 and §13:
/// a consultation text reaches only a follower who wrote within 7 days (`-230` otherwise); a
/// template by user id reaches any follower.
@Suite("Simulator Zalo OA message types")
struct OAMessageTypeTests {
    static let user = "7210394857361029384"

    @Test("Without a recent interaction a consultation text gets -230 and the template is accepted")
    func sevenDayRule() async throws {
        var options = SimulatorOptions()
        options.zaloOA.recentInteractionShare = 0
        try await withSimulator(options) { sim in
            let token: HTTPHeaders = ["access_token": ZaloOAAccount().accessToken]
            let text = try await sim.post(
                "/v3.0/oa/message/cs", json: #"{"recipient":{"user_id":"\#(Self.user)"},"message":{"text":"Họp thôn"}}"#,
                headers: token)
            let refused = try jsonObject(text.body)
            #expect(text.status == 200 && refused["error"] as? Int == -230)
            let template = try await sim.post(
                "/v3.0/oa/message/template",
                json: #"{"recipient":{"user_id":"\#(Self.user)"},"template_id":"318204","template_data":{"tieu_de":"Họp thôn"}}"#,
                headers: token)
            let accepted = try jsonObject(template.body)
            #expect(accepted["error"] as? Int == 0 && value(accepted, "data.message_id") as? String != nil)
            let empty = try await sim.post(
                "/v3.0/oa/message/template", json: #"{"recipient":{"user_id":"\#(Self.user)"},"template_id":"318204"}"#, headers: token)
            #expect(try jsonObject(empty.body)["error"] as? Int == -201)
        }
    }

    @Test("getoa answers the OA's id and name for a good token and -216 for another")
    func profile() async throws {
        try await withSimulator { sim in
            let account = ZaloOAAccount()
            let good = try await sim.client.send(HTTPRequest(
                method: .get, url: sim.baseURL + "/v2.0/oa/getoa", headers: ["access_token": account.accessToken], timeout: testAnswerTimeout))
            let body = try jsonObject(good.body)
            #expect(body["error"] as? Int == 0 && value(body, "data.oa_id") as? String == account.oaID)
            let wrong = try await sim.client.send(HTTPRequest(
                method: .get, url: sim.baseURL + "/v2.0/oa/getoa", headers: ["access_token": "nope"], timeout: testAnswerTimeout))
            #expect(try jsonObject(wrong.body)["error"] as? Int == -216)
            #expect(sim.simulator.stats[.zaloOA].sends == 0, "a profile call is not a send")
        }
    }
}
