import Foundation
import LoaHTTP

/// The calls that ask Zalo about the account rather than send (gateways.md §1.4): template info
/// and the daily quota, both with the `access_token` header.
extension ZaloZNSAdapter {
    /// Asks Zalo for the template's status and parameter limits and keeps them for the sends.
    @discardableResult
    public func fetchTemplateInfo(over transport: any HTTPTransport) async throws(SendError) -> ZaloZNSTemplateInfo {
        let query = templateID.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? templateID
        let response = try await get(base + "/template/info/v2?template_id=" + query, over: transport)
        let info = try ZaloZNSTemplateInfo.read(response.body, templateID: templateID)
        templateInfo.remember(info)
        return info
    }

    /// Asks Zalo how much of today's ZNS quota is left (`GET /message/quota`, numbers, §1.4 [M]).
    public func fetchQuota(over transport: any HTTPTransport) async throws(SendError) -> QuotaReading {
        let response = try await get(base + "/message/quota", over: transport)
        let reply = try response.decodedReply(QuotaReply.self, gateway: "ZNS quota")
        guard reply.error == 0, let left = reply.data?.remaining.flatMap({ Int($0) }) else {
            let said = reply.message.map { " (Zalo: \($0))" } ?? ""
            throw SendError(
                reply.error == -124 ? .unauthorized : .permanent, "quota: error \(reply.error)" + said,
                gatewayCode: String(reply.error))
        }
        return QuotaReading(daily: reply.data?.daily.flatMap { Int($0) }, remaining: left)
    }

    private func get(_ url: String, over transport: any HTTPTransport) async throws(SendError) -> HTTPResponse {
        guard let token = tokens.accessToken else {
            throw SendError(.unauthorized, "no access token yet; refresh the OA token")
        }
        let request = HTTPRequest(method: .get, url: url, headers: ["access_token": token], timeout: .seconds(10))
        let response: HTTPResponse
        do {
            response = try await transport.send(request)
        } catch {
            throw redacted(SendError.from(error))
        }
        if let error = SendError.from(status: response) { throw redacted(error) }
        return response
    }

    private struct QuotaReply: Decodable {
        var error: Int
        var message: String?
        var data: ZaloZNSReply.Quota?
    }
}
