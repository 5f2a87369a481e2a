import LoaHTTP

extension KannelAdapter {
    /// Asks the smsbox whether it knows the sendsms-user, with a sendsms request that names no
    /// receiver, so nothing can be sent.
    ///
    /// smsbox checks `username`/`password` (and the group's allow-ip) before anything else and
    /// answers 403 "Authorization failed for sendsms"; with good credentials and no `to` it answers
    /// 400 "Missing receiver number, rejected" (KAN `gw/smsbox.c`, `smsbox_req_sendsms`; gateways.md §8).
    public func checkAccount(over transport: any HTTPTransport) async -> [ChannelCheckItem] {
        guard let base = config.effectiveBaseURL, let username = config.settings["username"],
            let password = config.secrets["password"]?.value
        else { return [ChannelCheckItem("credentials", .failed, "no base_url, username or password")] }
        let query = FormEncoding.encode([("username", username), ("password", password)])
        let request = HTTPRequest(
            method: .get, url: AccountProbe.url(base, "/cgi-bin/sendsms") + "?" + query, timeout: AccountProbe.timeout)
        let response: HTTPResponse
        switch await AccountProbe.send(request, over: transport, gateway: "Kannel's smsbox at \(base)") {
        case .answered(let answer): response = answer
        case .unanswered(let finding): return [finding]
        }
        let said = response.excerpt
        if response.status == 400, said.contains("Missing receiver") {
            return [ChannelCheckItem(
                "credentials", .ok, "smsbox accepted sendsms-user \(username) (a request with no receiver was answered \"\(said)\"; nothing sent)")]
        }
        if response.status == 403, said.contains("Authorization failed") {
            return [ChannelCheckItem(
                "credentials", .failed,
                "smsbox answered 403 \"\(said)\": no sendsms-user \(username) with this password, or this machine is outside its allow-ip")]
        }
        return [ChannelCheckItem(
            "credentials", .failed, "smsbox answered HTTP \(response.status) \"\(said)\", not Kannel's sendsms answer: is base_url the smsbox's sendsms-port?")]
    }
}
