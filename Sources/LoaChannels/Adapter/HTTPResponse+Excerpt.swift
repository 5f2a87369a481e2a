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
