import Hummingbird

extension DashboardPages {
    /// A short page with a heading, an optional line and a link to the notices: refusals and errors,
    /// with the navigation when the caller is `signedIn`.
    func message(
        _ text: DashboardText, title: String, message: String? = nil, status: HTTPResponse.Status, signedIn: DashboardRequest? = nil,
        link: (href: String, label: String)? = nil
    ) -> Response {
        let link = link ?? (text.english ? "/?lang=en" : "/", text["notices"])
        var values: [String: Any] = ["link": ["href": link.href, "label": link.label]]
        if let message { values["message"] = message }
        if let signedIn { return render(signedIn, "message", title: title, values, status: status) }
        return render(text, "message", title: title, values, status: status)
    }

    /// A page from template `name` inside `layout.mustache`, for a signed-in user: `values` join
    /// the layout's own (`t` words, `lang`, `title`, `commune`, `nav`, `csrf`).
    func render(
        _ request: DashboardRequest, _ name: String, title: String, _ values: [String: Any] = [:],
        status: HTTPResponse.Status = .ok
    ) -> Response {
        var context = values
        context["csrf"] = request.csrf
        context["nav"] = navigation(request)
        return render(request.text, name, title: title, context, status: status)
    }

    /// A page from template `name`, signed in or not (no navigation unless `values` has `nav`).
    func render(
        _ text: DashboardText, _ name: String, title: String, _ values: [String: Any] = [:], status: HTTPResponse.Status = .ok
    ) -> Response {
        PageTemplates.response(
            name, text: text, title: title, commune: setup.configuration.commune.name, values, status: status, logger: setup.logger)
    }

    /// The links a role may follow (SPEC §1), the current page marked.
    func navigation(_ request: DashboardRequest) -> [String: Any] {
        let text = request.text
        let identity = request.identity
        var items: [(String, String)] = []
        if identity.role != .volunteer { items.append(("/", text["notices"])) }
        if identity.role == .admin { items.append(("/residents", text["nav.residents"])) }
        let hasHamlet = identity.scopes.contains { if case .hamlet = $0 { true } else { false } }
        if identity.role == .admin || (identity.role != .auditor && hasHamlet) { items.append(("/follow-up", text["nav.followup"])) }
        if identity.role == .admin {
            items += [
                ("/replies", text["nav.replies"]), ("/channels", text["nav.channels"]), ("/accounts", text["nav.accounts"]),
                ("/audit", text["audit"]),
            ]
        }
        let current = items.map(\.0).filter { $0 == "/" ? request.path == "/" : request.path.hasPrefix($0) }.max { $0.count < $1.count }
        return [
            "items": items.map { ["href": $0.0, "label": $0.1, "current": $0.0 == current] as [String: Any] },
            "otherLang": text.english ? "vi" : "en", "otherLangLabel": text["lang"],
            "actor": request.person ?? identity.actor, "own": request.person != nil, "role": text["role." + identity.role.rawValue],
            "csrf": request.csrf,
        ]
    }
}
