import Foundation
import Hummingbird

/// Whether a form post comes from a page of this server: its `Origin` (or, when a browser sent
/// none, its `Referer`) must be the origin of `public_url`, or, for a server reached at a loopback
/// address, the origin of the `Host` it was reached at.
struct DashboardOrigin: Sendable {
    /// `scheme://host[:port]` of `public_url`, lower-case, without a default port.
    let own: String?

    init(publicURL: String) {
        own = Self.origin(of: publicURL)
    }

    /// Whether the request names no other site as its source. `required`: it must name one.
    func allows(_ request: Request, required: Bool) -> Bool {
        let source: String?
        if let origin = request.headers[.origin] {
            source = Self.origin(of: origin)
        } else if let referer = request.headers[.referer] {
            source = Self.origin(of: referer)
        } else {
            return !required
        }
        guard let source else { return false }
        return source == own || source == loopbackOrigin(request)
    }

    /// `http://` and the `Host` the request was sent to, when that is a loopback address.
    private func loopbackOrigin(_ request: Request) -> String? {
        guard let authority = request.head.authority, let origin = Self.origin(of: "http://" + authority),
            let host = URLComponents(string: origin)?.host
        else { return nil }
        return ["127.0.0.1", "localhost", "[::1]", "::1"].contains(host) ? origin : nil
    }

    /// `scheme://host[:port]` of an absolute http(s) URL (an `Origin` value is one), else nil;
    /// `null` and anything with user info is nil.
    static func origin(of text: String) -> String? {
        guard let url = URLComponents(string: text.trimmingCharacters(in: .whitespaces)),
            let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
            let host = url.host?.lowercased(), !host.isEmpty, url.user == nil, url.password == nil
        else { return nil }
        let defaultPort = scheme == "https" ? 443 : 80
        let shownHost = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
        return scheme + "://" + shownHost + (url.port.map { $0 == defaultPort ? "" : ":\($0)" } ?? "")
    }
}
