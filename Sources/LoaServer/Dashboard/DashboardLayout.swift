import Hummingbird

extension DashboardPages {
    /// A full page, signed in or not.
    func page(_ text: DashboardText, title: String, body: String, status: HTTPResponse.Status = .ok) -> Response {
        let html = """
            <!doctype html>
            <html lang="\(text.english ? "en" : "vi")">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(HTML.escape(title)) – \(HTML.escape(setup.configuration.commune.name))</title>
            <style>
            body{font:16px/1.5 sans-serif;margin:0;color:#111}
            header{background:#8b0000;color:#fff;padding:10px 20px;font-weight:bold}
            main{padding:12px 20px;max-width:72em}
            nav{margin-bottom:12px} nav form.inline{display:inline}
            table{border-collapse:collapse;margin:10px 0} td,th{border-bottom:1px solid #ddd;padding:4px 10px;text-align:left}
            .n{text-align:right;font-variant-numeric:tabular-nums} .muted{color:#666} .big{font-size:36px;font-weight:bold}
            .ok{color:#0a6b2d} .low{color:#b00} .warn{color:#b00;font-weight:bold}
            a.button,button{background:#0a6b2d;color:#fff;border:0;border-radius:6px;padding:8px 14px;font-size:16px;text-decoration:none}
            button.danger{background:#b00} nav button{background:#555;padding:3px 10px;font-size:14px}
            label{display:block;margin:8px 0} input[type=text],textarea,select{font-size:16px;width:100%;max-width:40em}
            pre{white-space:pre-wrap;background:#f4f4f4;padding:8px}
            @media print{header,nav,.noprint{display:none} body{font-size:14px}}
            </style>
            </head>
            <body>
            <header>Loa · \(HTML.escape(setup.configuration.commune.name))</header>
            <main>
            \(body)
            </main>
            </body>
            </html>

            """
        return Responses.html(html, status: status)
    }
}

extension DashboardPages {
    /// A short page with a heading, an optional line and a link to the notices: refusals and errors,
    /// with the navigation when the caller is `signedIn`.
    func message(
        _ text: DashboardText, title: String, message: String? = nil, status: HTTPResponse.Status, signedIn: DashboardRequest? = nil
    ) -> Response {
        var values: [String: Any] = ["link": ["href": text.english ? "/?lang=en" : "/", "label": text["notices"]]]
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
            "actor": identity.actor, "role": identity.role.rawValue, "csrf": request.csrf,
        ]
    }
}
