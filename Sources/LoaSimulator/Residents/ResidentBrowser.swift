import LoaHTTP

/// A simulated resident's phone browser: it loads the page behind their link, then the page's
/// same-origin stylesheets and images, and submits the page's form when the resident confirms.
///
/// It works with the addresses the resident sees (`Referer` and `Origin` name the link's own
/// origin) and sends each request to ``linkOrigin`` when one is set, the way a rehearsal routes a
/// public name to a local server.
struct ResidentBrowser: Sendable {
    /// What loading a page came to.
    struct PageLoad: Sendable {
        /// How the page's GET ended.
        var page: Courier.Outcome
        /// How its resources' GETs ended: the first that did not succeed, else `.delivered`
        /// (also when there were none).
        var resources: Courier.Outcome = .delivered
        /// The page as read, once it was fetched.
        var contents: PageContents?
    }

    /// `Accept` of a top-level page load.
    static let pageAccept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
    /// `Accept` of a stylesheet load.
    static let stylesheetAccept = "text/css,*/*;q=0.1"
    /// `Accept` of an image load.
    static let imageAccept = "image/webp,image/apng,image/*,*/*;q=0.8"

    let agent: ResidentAgent
    let courier: Courier
    let linkOrigin: String?

    /// GETs `link`, reads it, then GETs each same-origin stylesheet and image it names, in that
    /// order, once each; resources on another origin are left alone.
    func load(_ link: String) async -> PageLoad {
        let (outcome, response) = await courier.fetch(acceptedBelow: 400) {
            request(.get, link, accept: Self.pageAccept, referer: nil)
        }
        guard outcome == .delivered else { return PageLoad(page: outcome) }
        let contents = PageContents(html: response?.bodyText ?? "")
        var load = PageLoad(page: .delivered, contents: contents)
        var fetched: Set<String> = []
        let resources = contents.stylesheets.map { ($0, Self.stylesheetAccept) } + contents.images.map { ($0, Self.imageAccept) }
        for (reference, accept) in resources {
            guard let url = PageAddress.resolve(reference, against: link), PageAddress.isSameOrigin(url, as: link),
                fetched.insert(url).inserted
            else { continue }
            let outcome = await courier.call(acceptedBelow: 400) {
                request(.get, url, accept: accept, referer: link)
            }
            if outcome == .abandoned { return PageLoad(page: .delivered, resources: .abandoned, contents: contents) }
            if outcome == .failed { load.resources = .failed }
        }
        return load
    }

    /// Submits `form` of the page at `link` as a browser does: to its action resolved against the
    /// page, its fields form-encoded, with `Origin` and `Referer`.
    func submit(_ form: PageContents.Form, of link: String) async -> Courier.Outcome {
        guard let action = PageAddress.resolve(form.action, against: link) else { return .failed }
        let body = PageAddress.formBody(form.fields)
        return await courier.call(acceptedBelow: 400) {
            var post = request(.post, action, accept: Self.pageAccept, referer: link)
            post.headers.add(name: "Origin", value: PageAddress.origin(of: link) ?? "null")
            post.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
            post.body = body
            return post
        }
    }

    /// A request to `url` with this browser's headers.
    private func request(_ method: HTTPRequest.Method, _ url: String, accept: String, referer: String?) -> HTTPRequest {
        var headers: HTTPHeaders = [
            "User-Agent": agent.userAgent, "Accept": accept, "Accept-Language": "vi-VN,vi;q=0.9,en-US;q=0.8,en;q=0.7",
        ]
        if let referer { headers.add(name: "Referer", value: referer) }
        if let app = agent.requestedWith { headers.add(name: "X-Requested-With", value: app) }
        return HTTPRequest(method: method, url: PageAddress.relocated(url, to: linkOrigin), headers: headers)
    }
}
