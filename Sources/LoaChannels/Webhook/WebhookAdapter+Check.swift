import LoaHTTP

extension WebhookAdapter {
    /// Asks the receiver with `HEAD`, which posts nothing: any HTTP answer shows it is there (a
    /// POST-only receiver may well answer 404 or 405); no answer at all fails.
    ///
    /// The configured headers go along, so a receiver that checks them can say 401 or 403.
    public func checkAccount(over transport: any HTTPTransport) async -> [ChannelCheckItem] {
        guard let url = config.settings["url"] else { return [ChannelCheckItem("receiver", .failed, "no url")] }
        var headers = HTTPHeaders()
        for (name, value) in (config.tables["headers"] ?? [:]).sorted(by: { $0.key < $1.key }) {
            headers.replaceOrAdd(name: name, value: value)
        }
        let request = HTTPRequest(method: .head, url: url, headers: headers, timeout: AccountProbe.timeout)
        switch await AccountProbe.send(request, over: transport, check: "receiver", gateway: "the receiver") {
        case .unanswered(let finding):
            return [finding]
        case .answered(let response):
            let status = response.status
            switch status {
            case 401, 403:
                return [ChannelCheckItem("receiver", .warning, "answers HEAD with HTTP \(status): check the configured headers")]
            case 500...:
                return [ChannelCheckItem("receiver", .warning, "answers HEAD with HTTP \(status): the receiver reports a fault")]
            default:
                return [ChannelCheckItem("receiver", .ok, "answers (HTTP \(status) to HEAD; nothing posted)")]
            }
        }
    }
}
