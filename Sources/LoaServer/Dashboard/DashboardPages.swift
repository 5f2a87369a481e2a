import Foundation
import Hummingbird
import LoaChannels
import LoaCore
import LoaStore

/// Renders and handles the dashboard's pages.
struct DashboardPages: Sendable {
    let setup: ServerSetup
    let session: DashboardSession
    var zone: TimeZone { setup.configuration.commune.timeZone }

    static func language(_ request: Request) -> DashboardText {
        let query = request.uri.queryParameters.get("lang")
        let cookie = DashboardSession.cookies(request.headers[.cookie])["loa_lang"]
        return DashboardText(english: (query ?? cookie) == "en")
    }

    /// Finds the caller's server-side session from its cookie, checks a form's CSRF value (and that
    /// no other site posted it), runs `body`.
    /// A visitor without a session is sent to the sign-in page, or given `signedOut()` when there is one.
    func guarded(
        _ request: Request, form: Bool = false, signedOut: (() -> Response)? = nil,
        _ body: (DashboardRequest) async throws -> Response
    ) async -> Response {
        let text = Self.language(request)
        let cookies = DashboardSession.cookies(request.headers[.cookie])
        do {
            guard let id = cookies[session.cookieName], DashboardSession.isWellFormed(id),
                let found = try await setup.store.session(hash: DashboardSession.hash(id), at: setup.now(), idle: DashboardSession.idle)
            else {
                if let signedOut { return signedOut() }
                let next = FormEncoding.encode([("next", request.uri.path)])
                var response = Self.redirect("/login?" + next + (text.english ? "&lang=en" : ""))
                if cookies[session.cookieName] != nil { response.headers[.setCookie] = session.setCookie(session.cookieName, "", maxAge: 0) }
                return response
            }
            let csrf = DashboardSession.csrf(sessionID: id)
            var fields: [String: String] = [:]
            if form {
                let bytes = try await request.body.collect(upTo: 256 * 1024)
                for (name, value) in FormEncoding.decode(Array(buffer: bytes)) where fields[name] == nil { fields[name] = value }
                guard let sent = fields["csrf"], ConstantTime.equal(sent, csrf), session.origins.allows(request, required: false) else {
                    return page(text, title: text["forbidden"], body: "<p>\(text["forbidden"])</p>", status: .forbidden)
                }
            }
            var query: [String: String] = [:]
            for (name, value) in request.uri.queryParameters { query[String(name)] = String(value) }
            let context = DashboardRequest(
                identity: Identity(found.token), text: text, csrf: csrf, sessionHash: found.session.hash, query: query, form: fields,
                path: request.uri.path)
            var response = try await body(context)
            if let lang = request.uri.queryParameters.get("lang") {
                response.headers[.setCookie] = "loa_lang=\(lang == "en" ? "en" : "vi"); Path=/; SameSite=Strict"
            }
            return response
        } catch let refusal as DashboardRefusal {
            return page(text, title: text[refusal.key], body: "<p>\(text[refusal.key])</p>", status: refusal.status)
        } catch {
            let reference = ErrorReference.log(error, "dashboard failed", logger: setup.logger)
            return page(text, title: "500", body: "<p>\(HTML.escape(reference.vietnamese))</p>", status: .internalServerError)
        }
    }

    func list(_ request: DashboardRequest) async throws -> Response {
        let text = request.text
        let notices = try await setup.store.notices().filter(request.identity.mayRead)
        var rows = ""
        for notice in notices {
            let report = try await setup.store.report(notice: notice.id, by: nil, reachTarget: setup.configuration.commune.reachTarget)
            let totals = report.totals
            rows += "<tr><td><a href=\"/notices/\(notice.id)\">\(notice.id)</a></td><td>\(HTML.escape(notice.draft.title))</td>"
                + "<td>\(text[notice.draft.kind.rawValue])</td><td>\(TimeText.short(notice.draft.sendAt, in: zone))</td>"
                + "<td class=n>\(totals.targeted)</td><td class=n>\(totals.delivered)</td><td class=n>\(totals.acknowledged)</td>"
                + "<td class=n><span class=\"\(totals.reach >= report.reachTarget ? "ok" : "low")\">\(HTMLReport.percent(totals.reach))</span></td>"
                + "<td>\(text[notice.status.rawValue])</td></tr>\n"
        }
        let table = notices.isEmpty ? "<p>\(text["none"])</p>" : """
            <table>
            <tr><th>\(text["id"])</th><th>\(text["notices"])</th><th>\(text["kind"])</th><th>\(text["sent"])</th>
            <th>\(text["targeted"])</th><th>\(text["delivered"])</th><th>\(text["acknowledged"])</th><th>\(text["reach"])</th><th>\(text["status"])</th></tr>
            \(rows)</table>
            """
        let create = request.identity.role == .auditor ? "" : "<p><a class=button href=\"/notices/new\">\(text["new"])</a></p>"
        return page(request, title: text["notices"], body: "<h1>\(text["notices"])</h1>\n\(create)\n\(table)")
    }

    func readable(_ id: String, _ request: DashboardRequest) async throws -> Notice {
        guard let notice = try await setup.store.notice(id: id.uppercased()) else { throw DashboardRefusal(status: .notFound, key: "notfound") }
        // Another sender's notice is "not found" too: the answer tells no notice ids apart.
        guard request.identity.mayRead(notice) else { throw DashboardRefusal(status: .notFound, key: "notfound") }
        return notice
    }

    func notice(_ id: String, _ request: DashboardRequest) async throws -> Response {
        let text = request.text
        let notice = try await readable(id, request)
        let target = setup.configuration.commune.reachTarget
        let byHamlet = try await setup.store.report(notice: notice.id, by: .hamlet, reachTarget: target)
        let byGroup = try await setup.store.report(notice: notice.id, by: .group, reachTarget: target)
        let byChannel = try await setup.store.report(notice: notice.id, by: .channel, reachTarget: target)
        let timeline = try await setup.store.timeline(notice: notice.id, buckets: 48, until: setup.now())
        let chart = HTMLReport(commune: setup.configuration.commune.name, zone: zone)
        let totals = byHamlet.totals
        var body = """
            <h1>\(HTML.escape(notice.draft.title))</h1>
            <p class=muted>\(notice.id) · \(text[notice.draft.kind.rawValue]) · \(text["sent"]) \(TimeText.short(notice.draft.sendAt, in: zone)) · \(text[notice.status.rawValue])</p>
            <p><span class="big \(totals.reach >= target ? "ok" : "low")">\(HTMLReport.percent(totals.reach))</span>
            \(text["reach"]) (\(totals.reached)/\(totals.targeted) \(text["residents"]); \(text["target"]) \(HTMLReport.percent(target)))</p>
            <p>\(text["delivered"]): \(totals.delivered) · \(text["opened"]): \(totals.opened) · \(text["acknowledged"]): \(totals.acknowledged) ·
            \(text["failed"]): \(totals.failed) · \(text["unreachable"]): \(totals.unreachable)</p>
            <p><a href="/notices/\(notice.id)/unread">\(text["unread"])</a> · <a href="/notices/\(notice.id)/unread?not_acked=1">\(text["unread.notacked"])</a>
            · <a href="/notices/\(notice.id)/unread.csv">\(text["csv"])</a></p>
            <h2>\(text["by.hamlet"])</h2>
            \(chart.chart(byHamlet))
            \(Self.table(byHamlet, text, sheetFor: notice.id))
            <h2>\(text["by.group"])</h2>
            \(Self.table(byGroup, text, sheetFor: nil))
            <h2>\(text["by.channel"])</h2>
            \(Self.table(byChannel, text, sheetFor: nil))
            \(try await quotaLine(notice, text))

            """
        if let timeline {
            body += "<h2>\(text["timeline"])</h2>\n" + TimelineChart(text: text, zone: zone).render(timeline, targeted: totals.targeted)
        }
        if request.identity.mayChange(notice), notice.status != .cancelled {
            body += """
                <form method="post" action="/notices/\(notice.id)/cancel"><input type="hidden" name="csrf" value="\(request.csrf)">
                <button class=danger type="submit">\(text["cancel"])</button></form>
                """
        }
        return page(request, title: notice.draft.title, body: body)
    }

    /// One line per channel of the notice whose daily quota is used up (saved by `loa run`).
    private func quotaLine(_ notice: Notice, _ text: DashboardText) async throws -> String {
        let now = setup.now()
        return try await setup.store.channelQuotas()
            .filter { $0.isExhausted(at: now) && notice.draft.channels.channels.contains($0.channel) }
            .map { quota in
                "<p class=low>\(HTML.escape(quota.channel)): \(text["quota.exhausted"]) "
                    + "\(TimeText.short(quota.resetsAt, in: zone)); \(text["quota.urgent"]).</p>"
            }
            .joined(separator: "\n")
    }

    func cancel(_ id: String, _ request: DashboardRequest) async throws -> Response {
        let notice = try await readable(id, request)
        guard request.identity.mayChange(notice) else { throw DashboardRefusal(status: .forbidden, key: "forbidden") }
        _ = try await setup.store.cancelNotice(id: notice.id, actor: request.identity.actor)
        return Self.redirect("/notices/\(notice.id)")
    }

    static func table(_ report: ReachReport, _ text: DashboardText, sheetFor notice: String?) -> String {
        var rows = ""
        for row in report.rows {
            let counts = row.counts
            let key = HTML.escape(row.key.isEmpty ? "—" : row.key)
            let label = notice.map { "<a href=\"/notices/\($0)/sheet?hamlet=\(FormEncoding.escape(row.key))\">\(key)</a>" } ?? key
            rows += "<tr><td>\(label)</td><td class=n>\(counts.targeted)</td><td class=n>\(counts.delivered)</td>"
                + "<td class=n>\(counts.opened)</td><td class=n>\(counts.acknowledged)</td><td class=n>\(counts.reached)</td>"
                + "<td class=n>\(HTMLReport.percent(counts.reach))</td></tr>\n"
        }
        return """
            <table><tr><th></th><th>\(text["targeted"])</th><th>\(text["delivered"])</th><th>\(text["opened"])</th>
            <th>\(text["acknowledged"])</th><th>\(text["reached"])</th><th>\(text["reach"])</th></tr>
            \(rows)</table>
            """
    }

    static func redirect(_ location: String) -> Response {
        var headers = HTTPFields()
        headers[.location] = location
        return Response(status: .seeOther, headers: headers)
    }
}
