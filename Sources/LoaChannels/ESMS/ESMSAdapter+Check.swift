import LoaHTTP

extension ESMSAdapter {
    /// Asks eSMS for the account balance, which also proves the ApiKey and SecretKey; nothing is sent.
    ///
    /// `POST {base}/MainService.svc/json/GetBalance_json` with `{"ApiKey","SecretKey"}` answers
    /// `{"Balance":…,"CodeResponse":"100","UserID":…}`, or `CodeResponse` `101` "Authorize Failed"
    /// for a wrong key (ESMS `ham-truy-xuat-va-dang-ky/ham-lay-so-du-tai-khoan.md`; codes §4.4).
    public func checkAccount(over transport: any HTTPTransport) async -> [ChannelCheckItem] {
        guard let base = config.effectiveBaseURL else {
            return [ChannelCheckItem("credentials", .failed, "no base_url")]
        }
        var json = JSONText()
        json.add("ApiKey", config.secrets["api_key"]?.value)
        json.add("SecretKey", config.secrets["secret_key"]?.value)
        // The documented form carries the keys in the body, not in the URL, so no proxy log holds them.
        let request = HTTPRequest(
            method: .post, url: AccountProbe.url(base, "/MainService.svc/json/GetBalance_json"),
            headers: ["Content-Type": "application/json; charset=utf-8"], body: json.finishedBytes,
            timeout: AccountProbe.timeout)
        let response: HTTPResponse
        switch await AccountProbe.send(request, over: transport, gateway: "eSMS") {
        case .answered(let answer): response = answer
        case .unanswered(let finding): return [finding]
        }
        guard let reply = AccountProbe.object(response), let code = AccountProbe.text(reply["CodeResponse"]) else {
            return [ChannelCheckItem("credentials", .failed, "eSMS answered HTTP \(response.status) without a CodeResponse: \(response.excerpt)")]
        }
        let said = AccountProbe.text(reply["ErrorMessage"]).map { " \"\($0)\"" } ?? ""
        switch code {
        case ESMSCodes.accepted:
            let user = AccountProbe.text(reply["UserID"]).map { " (UserID \($0))" } ?? ""
            var findings = [ChannelCheckItem("credentials", .ok, "eSMS accepted api_key and secret_key\(user)")]
            if let balance = AccountProbe.number(reply["Balance"]) {
                findings.append(AccountProbe.balance(balance, currency: "VND", config: config, gateway: "eSMS"))
            } else {
                findings.append(ChannelCheckItem("balance", .skipped, "eSMS gave no Balance"))
            }
            return findings
        default:
            // The send codes' table (§4.4) explains the answer: 101 wrong keys, 140 IP not whitelisted…
            let meaning = ESMSCodes.table[code].map { ": " + $0.meaning } ?? ""
            return [ChannelCheckItem("credentials", .failed, "eSMS answered \(code)\(said)\(meaning)")]
        }
    }
}
