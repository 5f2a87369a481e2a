import Foundation
import LoaHTTP

/// `loa channels check` for an OA (issue 17 §6): the access token through the OA's own profile,
/// `GET {base_url}/v2.0/oa/getoa` — no follower is messaged.
extension ZaloOAAdapter {
    public func checkAccount(over transport: any HTTPTransport) async -> [ChannelCheckItem] {
        guard let token = tokens.accessToken else {
            return [ChannelCheckItem("credentials", .failed, "no access token yet: run loa channels authorize \(config.name)")]
        }
        let request = HTTPRequest(
            method: .get, url: base + "/v2.0/oa/getoa", headers: ["access_token": token], timeout: AccountProbe.timeout)
        let response: HTTPResponse
        switch await AccountProbe.send(request, over: transport, gateway: "Zalo OA") {
        case .unanswered(let item): return [item]
        case .answered(let answer): response = answer
        }
        guard (200..<300).contains(response.status), let body = AccountProbe.object(response),
            let code = AccountProbe.number(body["error"]).map({ Int($0) })
        else {
            return [ChannelCheckItem("credentials", .skipped, "Zalo OA answered HTTP \(response.status) without its JSON")]
        }
        guard code == 0 else {
            let said = AccountProbe.text(body["message"]).map { " (Zalo: \(redactedText($0)))" } ?? ""
            let meaning = ZaloOACodes.table[code]?.meaning ?? "error"
            return [ChannelCheckItem("credentials", .failed, "Zalo OA refused [\(code)] \(meaning)\(said)")]
        }
        let data = body["data"] as? [String: Any]
        let name = AccountProbe.text(data?["name"]) ?? "?"
        let followers = AccountProbe.text(data?["num_follower"]).map { ", \($0) followers" } ?? ""
        var items = [ChannelCheckItem("credentials", .ok, "the access token works for OA “\(name)”\(followers)")]
        if let configured = config.settings["oa_id"], let answered = AccountProbe.text(data?["oa_id"]), configured != answered {
            items.append(ChannelCheckItem("credentials", .failed, "the token belongs to OA \(answered), not the configured oa_id \(configured)"))
        }
        items.append(
            templateID == nil
                ? ChannelCheckItem(
                    "templates", .warning,
                    "no template_id: only followers who wrote to the OA in the last 7 days can be reached (others get -230)")
                : ChannelCheckItem("templates", .ok, "followers are reached by template \(templateID ?? "")"))
        return items
    }

    private func redactedText(_ text: String) -> String {
        secrets.filter { $0.count >= 4 }.reduce(text) { $0.replacingOccurrences(of: $1, with: "<redacted>") }
    }
}
