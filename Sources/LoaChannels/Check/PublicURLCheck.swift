import Foundation
import LoaHTTP

/// The checks of `loa channels check` that ask Loa's own public address rather than a gateway:
/// whether gateways can call back, and whether Zalo's domain verification is served.
public struct PublicURLCheck: Sendable {
    /// `[server] public_url`, the base of every callback URL (SPEC §4).
    public var publicURL: String
    public var transport: any HTTPTransport

    public init(publicURL: String, transport: any HTTPTransport) {
        self.publicURL = publicURL.hasSuffix("/") ? String(publicURL.dropLast()) : publicURL
        self.transport = transport
    }

    /// Whether `{public_url}/healthz` answers as Loa, and whether the address is one the internet can reach.
    public func callback(hookSecretSet: Bool) async -> ChannelCheckItem {
        guard hookSecretSet else {
            return ChannelCheckItem(
                "callback", .failed, "no [server] hook_secret: Loa refuses every delivery report and reply, so none will be recorded")
        }
        let url = publicURL + "/healthz"
        let request = HTTPRequest(method: .get, url: url, headers: ["Accept": "application/json"], timeout: AccountProbe.timeout)
        let response: HTTPResponse
        switch await AccountProbe.send(request, over: transport, check: "callback", gateway: url) {
        case .answered(let answer): response = answer
        case .unanswered(let finding):
            var failed = finding
            failed.status = .failed
            failed.detail += " (is loa run serving public_url, and does the proxy forward it?)"
            return failed
        }
        let health = AccountProbe.text(AccountProbe.object(response)?["status"])
        guard let health, response.status == 200 || response.status == 503 else {
            return ChannelCheckItem(
                "callback", .failed, "\(url) answered HTTP \(response.status), not Loa's health report: public_url does not lead to loa run")
        }
        if let problem = Self.privateAddressProblem(publicURL) {
            return ChannelCheckItem(
                "callback", .warning, "gateways on the internet cannot reach \(publicURL) (\(problem)); Loa answers there locally")
        }
        if health != "ok" {
            return ChannelCheckItem("callback", .warning, "\(url) answers but Loa reports itself \(health)")
        }
        return ChannelCheckItem("callback", .ok, "\(url) answers as Loa")
    }

    /// Whether Zalo's domain verification for `code` is served: the file `/zalo_verifier{code}.html`
    /// holding the code, or the meta tag `zalo-platform-site-verification` on `/` (gateways.md §13;
    /// Zalo accepts either).
    public func verification(code: String) async -> ChannelCheckItem {
        let fileURL = publicURL + "/zalo_verifier\(code).html"
        let file = await fetch(fileURL)
        let fileServed = file?.status == 200 && file?.bodyText.contains(code) == true
        let home = await fetch(publicURL + "/")
        let metaServed = home.map { $0.status == 200 && Self.hasMetaTag($0.bodyText, code: code) } ?? false
        switch (fileServed, metaServed) {
        case (true, true):
            return ChannelCheckItem("verification", .ok, "\(fileURL) and the meta tag on \(publicURL)/ carry the code")
        case (true, false):
            return ChannelCheckItem("verification", .ok, "\(fileURL) carries the code (no meta tag on /; Zalo accepts either)")
        case (false, true):
            return ChannelCheckItem("verification", .ok, "the meta tag on \(publicURL)/ carries the code (\(fileURL) does not; Zalo accepts either)")
        case (false, false):
            let fileSaid = file.map { "HTTP \($0.status)" } ?? "no answer"
            return ChannelCheckItem(
                "verification", .failed,
                "neither \(fileURL) (\(fileSaid)) nor a zalo-platform-site-verification meta tag on / carries the code: Zalo will not verify the domain")
        }
    }

    private func fetch(_ url: String) async -> HTTPResponse? {
        try? await transport.send(HTTPRequest(method: .get, url: url, timeout: AccountProbe.timeout))
    }

    /// A `<meta>` tag naming `zalo-platform-site-verification` whose text also holds `code`.
    static func hasMetaTag(_ html: String, code: String) -> Bool {
        var rest = html[...]
        while let start = rest.range(of: "<meta", options: .caseInsensitive) {
            let tail = rest[start.upperBound...]
            let end = tail.firstIndex(of: ">") ?? tail.endIndex
            let tag = tail[..<end]
            if tag.contains("zalo-platform-site-verification"), tag.contains(code) { return true }
            rest = tail[end...]
        }
        return false
    }

    /// Why a gateway on the internet cannot reach `url`'s host, or nil when it looks public.
    static func privateAddressProblem(_ url: String) -> String? {
        guard let host = URL(string: url)?.host?.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]")) else {
            return "no host"
        }
        if host == "localhost" || host.hasSuffix(".localhost") { return "a loopback name" }
        for suffix in [".local", ".lan", ".internal", ".home.arpa"] where host.hasSuffix(suffix) {
            return "a name only the local network knows"
        }
        let octets = host.split(separator: ".").compactMap { UInt8($0) }
        if octets.count == 4, host.split(separator: ".").count == 4 {
            switch (octets[0], octets[1]) {
            case (127, _): return "a loopback address"
            case (10, _), (192, 168), (172, 16...31): return "a private address"
            case (169, 254): return "a link-local address"
            case (100, 64...127): return "a carrier-grade NAT address"
            case (0, _): return "an unspecified address"
            default: return nil
            }
        }
        if host == "::1" { return "a loopback address" }
        if host.hasPrefix("fc") || host.hasPrefix("fd") { return "a private address" }
        if host.hasPrefix("fe80:") { return "a link-local address" }
        return nil
    }
}
