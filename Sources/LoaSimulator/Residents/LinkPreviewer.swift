import LoaHTTP

/// A link-preview fetcher reading a resident's link: sometimes a `HEAD` first, then one `GET` of
/// the HTML; it never loads the page's resources and never submits its form.
struct LinkPreviewer: Sendable {
    let agent: PreviewAgent
    /// Whether it checks the link with a `HEAD` before reading it.
    let headFirst: Bool
    let courier: Courier
    let linkOrigin: String?

    /// Fetches `link`; the outcome is the `GET`'s (a `HEAD` that fails does not stop it).
    func fetch(_ link: String) async -> Courier.Outcome {
        if headFirst, await courier.call(acceptedBelow: 400, { request(.head, link) }) == .abandoned {
            return .abandoned
        }
        return await courier.call(acceptedBelow: 400) { request(.get, link) }
    }

    private func request(_ method: HTTPRequest.Method, _ link: String) -> HTTPRequest {
        HTTPRequest(
            method: method, url: PageAddress.relocated(link, to: linkOrigin),
            headers: ["User-Agent": agent.userAgent, "Accept": "*/*"])
    }
}
