import Foundation
import LoaHTTP

extension SpeedSMSAdapter {
    /// Asks SpeedSMS for the account's user info, which proves the access token and gives the
    /// balance; nothing is sent.
    ///
    /// `GET {base}/index.php/user/info`, Basic auth with the token as user name, answers
    /// `{"status":"success","code":"00","data":{"email","balance","currency"}}` or
    /// `{"status":"error","code","message"}` (SPV `https://speedsms.vn/sms-api/`; SPK `Response/User.php`).
    public func checkAccount(over transport: any HTTPTransport) async -> [ChannelCheckItem] {
        guard let base = config.effectiveBaseURL, let token = config.secrets["access_token"]?.value else {
            return [ChannelCheckItem("credentials", .failed, "no base_url or access_token")]
        }
        let authorization = "Basic " + Data((token + ":x").utf8).base64EncodedString()
        let request = HTTPRequest(
            method: .get, url: AccountProbe.url(base, "/index.php/user/info"),
            headers: ["Authorization": authorization, "Accept": "application/json"], timeout: AccountProbe.timeout)
        let response: HTTPResponse
        switch await AccountProbe.send(request, over: transport, gateway: "SpeedSMS") {
        case .answered(let answer): response = answer
        case .unanswered(let finding): return [finding]
        }
        let reply = AccountProbe.object(response)
        let code = AccountProbe.text(reply?["code"])
        let said = AccountProbe.text(reply?["message"]).map { " \"\($0)\"" } ?? ""
        guard response.isSuccess, let reply, AccountProbe.text(reply["status"]) == "success" else {
            let meaning = code.flatMap { SpeedSMSCodes.table[$0] }.map { ": " + $0.meaning } ?? ""
            let refused = response.status == 401 || response.status == 403 ? ": the access_token was refused" : ""
            let what = code.map { "code \($0)\(said)\(meaning)" } ?? response.excerpt
            return [ChannelCheckItem("credentials", .failed, "SpeedSMS answered HTTP \(response.status), \(what)\(refused)")]
        }
        let data = reply["data"] as? [String: Any]
        let email = AccountProbe.text(data?["email"]).map { " (account \($0))" } ?? ""
        var findings = [ChannelCheckItem("credentials", .ok, "SpeedSMS accepted the access_token\(email)")]
        if let balance = AccountProbe.number(data?["balance"]) {
            let currency = AccountProbe.text(data?["currency"]) ?? "VND"
            findings.append(AccountProbe.balance(balance, currency: currency, config: config, gateway: "SpeedSMS"))
        } else {
            findings.append(ChannelCheckItem("balance", .skipped, "SpeedSMS gave no balance"))
        }
        return findings
    }
}
