import Foundation
import LoaHTTP

extension TwilioAdapter {
    /// Asks Twilio for the account, its balance and the `from` number; nothing is sent.
    ///
    /// `GET /2010-04-01/Accounts/{AccountSid}.json` answers the account with `status` `active`,
    /// `suspended` or `closed` and `type` `Trial` or `Full`, or 401 (code 20003) for wrong
    /// credentials; `…/Balance.json` answers `balance` and `currency`; `…/IncomingPhoneNumbers.json?PhoneNumber=`
    /// lists the account's number if it owns it (Twilio REST API 2010-04-01, gateways.md §9).
    public func checkAccount(over transport: any HTTPTransport) async -> [ChannelCheckItem] {
        guard let base = config.effectiveBaseURL, let sid = config.settings["account_sid"] else {
            return [ChannelCheckItem("credentials", .failed, "no base_url or account_sid")]
        }
        let accountURL = AccountProbe.url(base, "/2010-04-01/Accounts/\(sid)")
        let response: HTTPResponse
        switch await AccountProbe.send(get(accountURL + ".json", sid: sid), over: transport, gateway: "Twilio") {
        case .answered(let answer): response = answer
        case .unanswered(let finding): return [finding]
        }
        let account = AccountProbe.object(response)
        guard response.isSuccess, let account else {
            return [ChannelCheckItem("credentials", .failed, "Twilio answered " + Self.problem(response, account) + Self.hint(response.status, sid: sid))]
        }
        var findings: [ChannelCheckItem] = []
        let name = AccountProbe.text(account["friendly_name"]).map { " \"\($0)\"" } ?? ""
        switch AccountProbe.text(account["status"]) {
        case "active":
            findings.append(ChannelCheckItem("credentials", .ok, "Twilio account\(name) is active"))
        case let status:
            findings.append(ChannelCheckItem("credentials", .failed, "Twilio account\(name) is \(status ?? "of unknown status"): it cannot send"))
            return findings
        }
        if AccountProbe.text(account["type"]) == "Trial" {
            findings.append(ChannelCheckItem("account", .warning, "trial account: Twilio delivers only to numbers verified on the account"))
        }
        findings.append(await balance(accountURL, sid: sid, over: transport))
        findings.append(await sender(accountURL, sid: sid, over: transport))
        return findings
    }

    private func balance(_ accountURL: String, sid: String, over transport: any HTTPTransport) async -> ChannelCheckItem {
        switch await AccountProbe.send(get(accountURL + "/Balance.json", sid: sid), over: transport, check: "balance", gateway: "Twilio") {
        case .unanswered(let finding):
            return finding
        case .answered(let response):
            let reply = AccountProbe.object(response)
            guard response.isSuccess, let amount = AccountProbe.number(reply?["balance"]) else {
                // A subaccount has no balance of its own.
                return ChannelCheckItem("balance", .skipped, "Twilio gave no balance (HTTP \(response.status))")
            }
            // Twilio accounts may be billed afterwards, so zero is a warning, not a refusal.
            return AccountProbe.balance(
                amount, written: AccountProbe.text(reply?["balance"]), currency: AccountProbe.text(reply?["currency"]),
                config: config, gateway: "Twilio", emptyFails: false)
        }
    }

    private func sender(_ accountURL: String, sid: String, over transport: any HTTPTransport) async -> ChannelCheckItem {
        guard let from = config.settings["from"], !from.isEmpty else {
            return ChannelCheckItem("sender", .skipped, "messaging_service_sid is used; Twilio's Messaging Services API is not asked")
        }
        guard from.hasPrefix("+") else {
            return ChannelCheckItem("sender", .skipped, "from \(from) is an alphanumeric sender id, not a number Twilio can list")
        }
        let url = accountURL + "/IncomingPhoneNumbers.json?PhoneNumber=" + FormEncoding.escape(from)
        switch await AccountProbe.send(get(url, sid: sid), over: transport, check: "sender", gateway: "Twilio") {
        case .unanswered(let finding):
            return finding
        case .answered(let response):
            guard response.isSuccess, let numbers = AccountProbe.object(response)?["incoming_phone_numbers"] as? [[String: Any]]
            else { return ChannelCheckItem("sender", .skipped, "Twilio did not list numbers (HTTP \(response.status))") }
            guard let number = numbers.first(where: { AccountProbe.text($0["phone_number"]) == from }) else {
                return ChannelCheckItem("sender", .failed, "from \(from) is not a number of this account (Twilio refuses sends with 21606)")
            }
            if let capabilities = number["capabilities"] as? [String: Any], (capabilities["sms"] as? Bool) == false {
                return ChannelCheckItem("sender", .failed, "from \(from) belongs to the account but cannot send SMS")
            }
            return ChannelCheckItem("sender", .ok, "from \(from) is a number of this account")
        }
    }

    private func get(_ url: String, sid: String) -> HTTPRequest {
        let authorization = "Basic " + Data((sid + ":" + authToken).utf8).base64EncodedString()
        return HTTPRequest(
            method: .get, url: url, headers: ["Authorization": authorization, "Accept": "application/json"],
            timeout: AccountProbe.timeout)
    }

    /// `HTTP 401, code 20003 "Authenticate"` from Twilio's error body, or the body's start.
    private static func problem(_ response: HTTPResponse, _ body: [String: Any]?) -> String {
        guard let code = AccountProbe.text(body?["code"]) else { return "HTTP \(response.status): \(response.excerpt)" }
        let message = AccountProbe.text(body?["message"]).map { " \"\($0)\"" } ?? ""
        return "HTTP \(response.status), code \(code)\(message)"
    }

    private static func hint(_ status: Int, sid: String) -> String {
        switch status {
        case 401: ": account_sid or auth_token is wrong"
        case 404: ": Twilio knows no account \(sid)"
        default: ""
        }
    }
}
