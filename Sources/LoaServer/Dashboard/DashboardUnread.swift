import Foundation
import Hummingbird
import LoaChannels
import LoaCore
import LoaStore

extension DashboardPages {
    func filter(_ request: DashboardRequest) -> UnreadFilter {
        let hamlet = request.query["hamlet"].flatMap { $0.isEmpty ? nil : $0 }
        return UnreadFilter(notAcknowledged: request.query["not_acked"] == "1", hamlet: hamlet)
    }

    /// Residents not reached (or not acknowledged), filterable by hamlet, with CSV and sheets.
    func unread(_ id: String, _ request: DashboardRequest) async throws -> Response {
        let text = request.text
        let notice = try await readable(id, request)
        let filter = filter(request)
        let entries = try await setup.store.unread(notice: notice.id, filter: filter)
        let hamlets = try await setup.store.hamlets()
        let options = ([""] + hamlets).map { name in
            "<option value=\"\(HTML.escape(name))\"\(name == (filter.hamlet ?? "") ? " selected" : "")>\(HTML.escape(name.isEmpty ? text["all"] : name))</option>"
        }.joined()
        let rows = entries.map { entry in
            "<tr><td>\(HTML.escape(entry.name))</td><td>\(entry.phone.map(UnreadOutput.displayPhone) ?? "—")</td>"
                + "<td>\(HTML.escape(entry.hamlet ?? "—"))</td><td>\(entry.state.rawValue)</td><td>\(HTML.escape(entry.lastError ?? ""))</td></tr>"
        }.joined(separator: "\n")
        let query = FormEncoding.encode([("hamlet", filter.hamlet ?? ""), ("not_acked", filter.notAcknowledged ? "1" : "0")])
        let body = """
            <h1>\(filter.notAcknowledged ? text["unread.notacked"] : text["unread"]): \(HTML.escape(notice.draft.title))</h1>
            <form method="get" action="/notices/\(notice.id)/unread" class=noprint>
            <label>\(text["hamlet"]) <select name="hamlet">\(options)</select></label>
            <label><input type="checkbox" name="not_acked" value="1"\(filter.notAcknowledged ? " checked" : "")> \(text["unread.notacked"])</label>
            <button type="submit">\(text["filter"])</button>
            <a href="/notices/\(notice.id)/unread.csv?\(query)">\(text["csv"])</a>
            \(filter.hamlet.map { "· <a href=\"/notices/\(notice.id)/sheet?hamlet=\(FormEncoding.escape($0))\">\(text["sheet"])</a>" } ?? "")
            </form>
            <p>\(entries.count) \(text["residents"])</p>
            <table><tr><th>\(text["name"])</th><th>\(text["phone"])</th><th>\(text["hamlet"])</th><th>\(text["state"])</th><th>\(text["error"])</th></tr>
            \(rows)</table>
            """
        return page(request, title: text["unread"], body: body)
    }

    func unreadCSV(_ id: String, _ request: DashboardRequest) async throws -> Response {
        let notice = try await readable(id, request)
        let entries = try await setup.store.unread(notice: notice.id, filter: filter(request))
        var headers = HTTPFields()
        headers[.contentType] = "text/csv; charset=utf-8"
        headers[.contentDisposition] = "attachment; filename=\"unread-\(notice.id).csv\""
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: UnreadOutput.csv(entries))))
    }

    /// One hamlet's door-to-door sheet: who has not confirmed, with boxes to tick and sign.
    func sheet(_ id: String, _ request: DashboardRequest) async throws -> Response {
        let text = request.text
        let notice = try await readable(id, request)
        let hamlet = request.query["hamlet"] ?? ""
        let entries = try await setup.store.unread(
            notice: notice.id, filter: UnreadFilter(notAcknowledged: true, hamlet: hamlet.isEmpty ? nil : hamlet))
        let rows = entries.enumerated().map { index, entry in
            "<tr><td class=n>\(index + 1)</td><td>\(HTML.escape(entry.name))</td><td>\(entry.phone.map(UnreadOutput.displayPhone) ?? "—")</td>"
                + "<td>☐</td><td style=\"width:10em\"></td></tr>"
        }.joined(separator: "\n")
        let meeting = notice.draft.meetingAt.map { " · \(text["meeting"]): \(HTML.vietnameseTime($0, in: zone))" } ?? ""
        let body = """
            <h1>\(text["sheet.intro"]) – \(text["hamlet"]) \(HTML.escape(hamlet.isEmpty ? text["all"] : hamlet))</h1>
            <p><strong>\(HTML.escape(notice.draft.title))</strong> (\(notice.id))\(meeting)</p>
            <table><tr><th>#</th><th>\(text["name"])</th><th>\(text["phone"])</th><th>\(text["visited"])</th><th>\(text["signature"])</th></tr>
            \(rows)</table>
            <p class=muted>\(entries.count) \(text["residents"]) · \(TimeText.short(setup.now(), in: zone))</p>
            """
        return page(request, title: text["sheet"], body: body)
    }
}

extension DashboardPages {
    /// Every change with who made it and when, newest first; admins only.
    func audit(_ request: DashboardRequest) async throws -> Response {
        let text = request.text
        guard request.identity.role == .admin else { throw DashboardRefusal(status: .forbidden, key: "forbidden") }
        let rows = try await setup.store.auditLog(limit: 500).map { entry in
            "<tr><td>\(TimeText.short(entry.at, in: zone))</td><td>\(HTML.escape(entry.actor))</td><td>\(HTML.escape(entry.action))</td>"
                + "<td>\(HTML.escape(entry.subject))</td><td>\(HTML.escape(entry.detail ?? ""))</td></tr>"
        }.joined(separator: "\n")
        let body = """
            <h1>\(text["audit"])</h1>
            <table><tr><th>\(text["when"])</th><th>\(text["who"])</th><th>\(text["action"])</th><th>\(text["subject"])</th><th>\(text["detail"])</th></tr>
            \(rows)</table>
            """
        return page(request, title: text["audit"], body: body)
    }
}
