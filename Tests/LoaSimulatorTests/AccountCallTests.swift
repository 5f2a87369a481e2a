import Foundation
import LoaHTTP
import LoaSimulator
import LoaTesting
import Testing

/// The account calls `loa channels check` makes, answered as each vendor documents them, and never
/// counted as sends.
@Suite("Simulator account calls")
struct AccountCallTests {
    private static func basic(_ user: String, _ password: String) -> HTTPHeaders {
        ["Authorization": "Basic " + Data("\(user):\(password)".utf8).base64EncodedString()]
    }

    private func get(_ sim: SimulatorHarness, _ path: String, headers: HTTPHeaders = [:]) async throws -> HTTPResponse {
        try await sim.client.send(HTTPRequest(method: .get, url: sim.baseURL + path, headers: headers, timeout: testAnswerTimeout))
    }

    @Test("eSMS GetBalance_json: Balance, CodeResponse 100 and UserID; wrong keys get 101 Authorize Failed")
    func esmsBalance() async throws {
        var options = SimulatorOptions()
        options.esms.balance = 36_693
        try await withSimulator(options) { sim in
            let account = ESMSAccount()
            let good = try await sim.post(
                "/MainService.svc/json/GetBalance_json", json: #"{"ApiKey":"\#(account.apiKey)","SecretKey":"\#(account.secretKey)"}"#)
            let body = try jsonObject(good.body)
            #expect(good.status == 200 && body["CodeResponse"] as? String == "100")
            #expect(body["Balance"] as? Int == 36_693 && body["UserID"] as? Int != nil)
            let wrong = try await sim.post(
                "/MainService.svc/json/GetBalance_json", json: #"{"ApiKey":"\#(account.apiKey)","SecretKey":"nope"}"#)
            let refused = try jsonObject(wrong.body)
            #expect(refused["CodeResponse"] as? String == "101" && refused["ErrorMessage"] as? String == "Authorize Failed")
            #expect(refused["Balance"] as? Int == 0)
            #expect(sim.simulator.stats[.esms].sends == 0, "a balance call is not a send")
        }
    }

    @Test("SpeedSMS user/info: email, balance and VND for the token; another token gets HTTP 401 status error")
    func speedSMSUserInfo() async throws {
        try await withSimulator { sim in
            let account = SpeedSMSAccount()
            let good = try await get(sim, "/index.php/user/info", headers: Self.basic(account.accessToken, "x"))
            let body = try jsonObject(good.body)
            #expect(good.status == 200 && body["status"] as? String == "success" && body["code"] as? String == "00")
            #expect(value(body, "data.email") as? String == account.email)
            #expect(value(body, "data.balance") as? Int == account.balance && value(body, "data.currency") as? String == "VND")
            let wrong = try await get(sim, "/index.php/user/info", headers: Self.basic("not-the-token", "x"))
            #expect(wrong.status == 401)
            #expect(try jsonObject(wrong.body)["status"] as? String == "error")
            let none = try await get(sim, "/index.php/user/info")
            #expect(none.status == 401)
        }
    }

    @Test("Twilio account, balance and numbers: 401/20003 for a wrong token, 404/20404 for another account")
    func twilioAccount() async throws {
        var options = SimulatorOptions()
        options.twilio.senders = ["+15005550006"]
        options.twilio.type = "Trial"
        try await withSimulator(options) { sim in
            let account = options.twilio
            let auth = Self.basic(account.accountSID, account.authToken)
            let base = "/2010-04-01/Accounts/\(account.accountSID)"
            let resource = try jsonObject(try await get(sim, base + ".json", headers: auth).body)
            #expect(resource["status"] as? String == "active" && resource["type"] as? String == "Trial")
            #expect(resource["sid"] as? String == account.accountSID)
            let balance = try jsonObject(try await get(sim, base + "/Balance.json", headers: auth).body)
            #expect(balance["balance"] as? String == account.balance && balance["currency"] as? String == "USD")
            let owned = try jsonObject(try await get(sim, base + "/IncomingPhoneNumbers.json?PhoneNumber=%2B15005550006", headers: auth).body)
            let numbers = try #require(owned["incoming_phone_numbers"] as? [[String: Any]])
            #expect(numbers.count == 1 && numbers.first?["phone_number"] as? String == "+15005550006")
            let other = try jsonObject(try await get(sim, base + "/IncomingPhoneNumbers.json?PhoneNumber=%2B15005550001", headers: auth).body)
            #expect((other["incoming_phone_numbers"] as? [Any])?.isEmpty == true)

            let wrong = try await get(sim, base + ".json", headers: Self.basic(account.accountSID, "wrong"))
            let wrongCode = try jsonObject(wrong.body)["code"] as? Int
            #expect(wrong.status == 401 && wrongCode == 20003)
            let elsewhere = try await get(sim, "/2010-04-01/Accounts/AC0000000000000000000000000000000f.json", headers: auth)
            let elsewhereCode = try jsonObject(elsewhere.body)["code"] as? Int
            #expect(elsewhere.status == 404 && elsewhereCode == 20404)
            #expect(sim.simulator.stats[.twilio].sends == 0)
        }
    }

    @Test("Kannel sendsms: no receiver → 400 Missing receiver number, empty → 400 Empty receiver, wrong password → 403 first")
    func kannelWithoutReceiver() async throws {
        try await withSimulator { sim in
            let missing = try await get(sim, "/cgi-bin/sendsms?username=sim-kannel&password=sim-kannel-password")
            #expect(missing.status == 400 && missing.bodyText == "Missing receiver number, rejected")
            let empty = try await get(sim, "/cgi-bin/sendsms?username=sim-kannel&password=sim-kannel-password&to=")
            #expect(empty.status == 400 && empty.bodyText == "Empty receiver number not allowed, rejected")
            let wrong = try await get(sim, "/cgi-bin/sendsms?username=sim-kannel&password=wrong")
            #expect(wrong.status == 403 && wrong.bodyText == "Authorization failed for sendsms")
            #expect(sim.simulator.stats[.kannel].accepted == 0)
        }
    }

    @Test("A webhook receiver answers HEAD and takes nothing")
    func webhookHead() async throws {
        try await withSimulator { sim in
            let response = try await sim.client.send(HTTPRequest(method: .head, url: sim.baseURL + "/webhook/loa", timeout: testAnswerTimeout))
            #expect(response.status == 200)
            #expect(sim.simulator.stats[.webhook].sends == 0)
        }
    }
}
