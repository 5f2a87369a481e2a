import Foundation
import LoaHTTP

extension HTTPResponse {
    /// The start of the body on one line, for errors about replies an adapter could not read.
    ///
    /// Gateways echo request fields in such bodies; `ChannelAdapter.send` redacts secrets from the
    /// error that carries this text.
    var excerpt: String {
        let text = bodyText.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\r", with: "")
        if text.isEmpty { return "empty body" }
        return text.count > 120 ? String(text.prefix(120)) + "…" : text
    }
}

extension HTTPResponse {
    /// The body decoded as the gateway's reply envelope. Anything else (a proxy page, a truncated
    /// body) is retryable: nothing says whether the gateway took the message, and a lost
    /// convocation costs more than a rare duplicate.
    func decodedReply<Reply: Decodable>(_ type: Reply.Type, gateway: String) throws(SendError) -> Reply {
        do {
            return try JSONDecoder().decode(Reply.self, from: Data(body))
        } catch {
            throw SendError(.retryable, "unreadable \(gateway) reply (HTTP \(status)): \(excerpt)")
        }
    }
}
