import Foundation
import LoaHTTP
import LoaSimulator
import LoaTesting
import Testing

/// The `zalo-oa` dialect and the OAuth token endpoint, checked against gateways.md §2 and §3.
@Suite("Zalo OA dialect")
struct ZaloOATests {
    static let follower = "8493021847562910384"

    func sendOA(_ sim: SimulatorHarness, user: String = follower, text: String = "Họp thôn Thống Nhất", token: String)
        async throws -> [String: Any]
    {
        let response = try await sim.post(
            "/v3.0/oa/message/cs",
            json: #"{"recipient":{"user_id":"\#(user)"},"message":{"text":"\#(text)"}}"#,
            headers: ["access_token": token])
        #expect(response.status == 200)
        return try jsonObject(response.body)
    }

    func refresh(_ sim: SimulatorHarness, _ token: String, secret: String = ZaloOAAccount().appSecret) async throws
        -> [String: Any]
    {
        let account = ZaloOAAccount()
        let response = try await sim.client.send(HTTPRequest(
            method: .post, url: sim.baseURL + "/v4/oa/access_token",
            headers: ["Content-Type": "application/x-www-form-urlencoded", "secret_key": secret],
            body: "refresh_token=\(token)&app_id=\(account.appID)&grant_type=refresh_token"))
        #expect(response.status == 200)
        return try jsonObject(response.body)
    }

    @Test("A send answers §3.1's envelope; a wrong token gets -216, a non-follower -213")
    func sendShapes() async throws {
        var options = SimulatorOptions()
        options.zaloOA.nonFollowerShare = 0.5
        try await withSimulator(options) { sim in
            let token = options.zaloOA.accessToken
            var accepted = 0, refused = 0
            for index in 0..<20 {
                let reply = try await sendOA(sim, user: "84930218475629\(index)", token: token)
                if reply["error"] as? Int == 0 {
                    accepted += 1
                    #expect((value(reply, "data.message_id") as? String)?.isEmpty == false)
                    #expect(value(reply, "data.user_id") as? String == "84930218475629\(index)")
                } else {
                    refused += 1
                    #expect(reply["error"] as? Int == -213)
                }
            }
            #expect(accepted > 3 && refused > 3)
            let wrong = try await sendOA(sim, token: "not-a-token")
            #expect(wrong["error"] as? Int == -216)
            #expect(sim.simulator.stats[.zaloOA].accepted == accepted)
        }
    }

    @Test("Refresh tokens work once; issued access tokens are accepted; a reused one gets -14014")
    func tokenEndpoint() async throws {
        let options = SimulatorOptions()
        try await withSimulator(options) { sim in
            let first = try await refresh(sim, options.zaloOA.refreshToken)
            let access = try #require(first["access_token"] as? String)
            let renewed = try #require(first["refresh_token"] as? String)
            #expect(first["expires_in"] as? String == "90000")
            #expect(try await sendOA(sim, token: access)["error"] as? Int == 0)
            let reused = try await refresh(sim, options.zaloOA.refreshToken)
            #expect(reused["error"] as? Int == -14014 && reused["access_token"] == nil)
            let second = try await refresh(sim, renewed)
            #expect(second["access_token"] as? String != access)
            let badSecret = try await refresh(sim, try #require(second["refresh_token"] as? String), secret: "nope")
            #expect((badSecret["error"] as? Int).map { $0 < 0 } == true)
        }
    }

    @Test("Receipt and seen events are signed by §3.4 and name the message id")
    func signedEvents() async throws {
        let receiver = try makeReceiver()
        defer { receiver.shutdown() }
        var options = SimulatorOptions()
        options.zaloOA.callbackURL = receiver.url("/hooks/zalo-oa/s3cret/status")
        options.openShare = 1
        try await withSimulator(options) { sim in
            let reply = try await sendOA(sim, token: options.zaloOA.accessToken)
            let messageID = try #require(value(reply, "data.message_id") as? String)
            #expect(await sim.simulator.waitUntilIdle())
            let events = receiver.requests
            #expect(events.count == 2)
            var names: [String] = []
            for event in events {
                let body = try jsonObject(event.body)
                let name = try #require(body["event_name"] as? String)
                names.append(name)
                let timestamp = try #require(body["timestamp"] as? String)
                let signed = Array(options.zaloOA.appID.utf8) + event.body + Array(timestamp.utf8)
                    + Array(options.zaloOA.secretKey.utf8)
                #expect(event.header("X-ZEvent-Signature") == "mac=" + (try sha256sum(signed)))
                if name == "user_received_message" {
                    #expect(value(body, "message.msg_id") as? String == messageID)
                    #expect(value(body, "sender.id") as? String == options.zaloOA.oaID)
                    #expect(value(body, "recipient.id") as? String == Self.follower)
                } else {
                    #expect(value(body, "message.msg_ids") as? [String] == [messageID])
                    #expect(value(body, "sender.id") as? String == Self.follower)
                }
            }
            #expect(names == ["user_received_message", "user_seen_message"])
        }
    }
}
