import Foundation
import LoaHTTP
import LoaSimulator
import LoaTesting
import Testing

@Suite("Twilio dialect")
struct TwilioTests {
    @Test("A create answers 201 with the Message resource; the status callback is signed per §9")
    func sendAndSignedCallback() async throws {
        let receiver = try makeReceiver()
        defer { receiver.shutdown() }
        try await withSimulator { sim in
            let hook = receiver.url("/hooks/twilio/s3cret/status")
            let response = try await sim.sendTwilio([
                "To": "+84912345678", "From": "LOAXA", "Body": "Họp thôn", "StatusCallback": hook,
            ])
            #expect(response.status == 201)
            let body = try jsonObject(response.body)
            let sid = try #require(body["sid"] as? String)
            #expect(sid.hasPrefix("SM") && sid.count == 34)
            #expect(body["status"] as? String == "queued" && body["num_segments"] as? String == "1")
            #expect(body["error_code"] is NSNull && body["to"] as? String == "+84912345678")
            #expect(await sim.simulator.waitUntilIdle())
            let callback = try #require(receiver.requests.first)
            #expect(callback.method == "POST" && callback.header("Content-Type") == "application/x-www-form-urlencoded")
            let form = formPairs(callback.bodyText)
            #expect(form.first { $0.0 == "MessageSid" }?.1 == sid)
            #expect(form.first { $0.0 == "MessageStatus" }?.1 == "delivered")
            // The expected signature comes from openssl, not from the simulator's own HMAC.
            let signed = hook + form.sorted { $0.0 < $1.0 }.map { $0.0 + $0.1 }.joined()
            #expect(callback.header("X-Twilio-Signature") == (try opensslHMACSHA1(key: TwilioAccount().authToken, signed)))
        }
    }

    @Test("Failures report undelivered with ErrorCode; out of order sends sent after it")
    func failureOutOfOrder() async throws {
        let receiver = try makeReceiver()
        defer { receiver.shutdown() }
        var options = SimulatorOptions()
        options.deliveryFailureRate = 1
        options.outOfOrderRate = 1
        try await withSimulator(options) { sim in
            let response = try await sim.sendTwilio([
                "To": "+84987654321", "MessagingServiceSid": "MG00000000000000000000000000000001", "Body": "Hop thon",
                "StatusCallback": receiver.url("/cb"),
            ])
            #expect(try jsonObject(response.body)["status"] as? String == "accepted")
            #expect(await sim.simulator.waitUntilIdle())
            let statuses = receiver.requests.map { request in formPairs(request.bodyText).first { $0.0 == "MessageStatus" }?.1 }
            #expect(statuses == ["undelivered", "sent"])
            #expect(formPairs(receiver.requests[0].bodyText).first { $0.0 == "ErrorCode" }?.1 == "30003")
        }
    }

    @Test("Refusals: 20003 (401), 21211, 21614, 21603, 21602 (400)")
    func refusals() async throws {
        try await withSimulator { sim in
            func code(_ response: HTTPResponse) throws -> Int? { try jsonObject(response.body)["code"] as? Int }
            let wrongToken = try await sim.sendTwilio(["To": "+84912345678", "From": "LOAXA", "Body": "x"], token: "nope")
            #expect(wrongToken.status == 401)
            #expect(try code(wrongToken) == 20003)
            #expect(try code(try await sim.sendTwilio(["To": "0912345678", "From": "LOAXA", "Body": "x"])) == 21211)
            #expect(try code(try await sim.sendTwilio(["To": "+84241234567", "From": "LOAXA", "Body": "x"])) == 21614)
            #expect(try code(try await sim.sendTwilio(["To": "+84912345678", "Body": "x"])) == 21603)
            #expect(try code(try await sim.sendTwilio(["To": "+84912345678", "From": "LOAXA"])) == 21602)
            #expect(sim.simulator.stats[.twilio].accepted == 0)
        }
    }
}

extension SimulatorHarness {
    /// Creates a Twilio message with the default account, form-encoded.
    func sendTwilio(_ fields: [String: String], token: String = TwilioAccount().authToken) async throws -> HTTPResponse {
        let account = TwilioAccount()
        let allowed = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
        let body = fields.sorted { $0.key < $1.key }.map { name, value in
            name + "=" + (value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value)
        }.joined(separator: "&")
        let basic = "Basic " + Data((account.accountSID + ":" + token).utf8).base64EncodedString()
        return try await client.send(HTTPRequest(
            method: .post, url: baseURL + "/2010-04-01/Accounts/\(account.accountSID)/Messages.json",
            headers: ["Authorization": basic, "Content-Type": "application/x-www-form-urlencoded"], body: body))
    }
}

/// Pairs of a form body, percent-decoded (`+` as space).
func formPairs(_ text: String) -> [(String, String)] {
    text.split(separator: "&").map { pair in
        let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map {
            $0.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String($0)
        }
        return (parts[0], parts.count > 1 ? parts[1] : "")
    }
}
