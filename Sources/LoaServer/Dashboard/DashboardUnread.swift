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
        let options = ([""] + hamlets).map { name -> [String: Any] in
            ["value": name, "label": name.isEmpty ? text["all"] : name, "selected": name == (filter.hamlet ?? "")]
        }
        let rows = entries.map { entry -> [String: Any] in
            [
                "name": entry.name, "phone": entry.phone.map(UnreadOutput.displayPhone) ?? "—", "hamlet": entry.hamlet ?? "—",
                "state": text["progress.\(entry.state.rawValue)"], "lastError": entry.lastError ?? "",
            ]
        }
        var values: [String: Any] = [
            "heading": filter.notAcknowledged ? text["unread.notacked"] : text["unread"], "noticeTitle": notice.draft.title,
            "id": notice.id, "hamlets": options, "notAcknowledged": filter.notAcknowledged, "entries": rows, "count": entries.count,
            "csvQuery": FormEncoding.encode([("hamlet", filter.hamlet ?? ""), ("not_acked", filter.notAcknowledged ? "1" : "0")]),
        ]
        if let hamlet = filter.hamlet { values["sheet"] = "/notices/\(notice.id)/sheet?hamlet=\(FormEncoding.escape(hamlet))" }
        return render(request, "dashboard/unread", title: text["unread"], values)
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
        let rows = entries.enumerated().map { index, entry -> [String: Any] in
            ["number": index + 1, "name": entry.name, "phone": entry.phone.map(UnreadOutput.displayPhone) ?? "—"]
        }
        var values: [String: Any] = [
            "hamlet": hamlet.isEmpty ? text["all"] : hamlet, "noticeTitle": notice.draft.title, "id": notice.id, "entries": rows,
            "count": entries.count, "printed": TimeText.short(setup.now(), in: zone),
        ]
        if let meeting = notice.draft.meetingAt { values["meeting"] = HTML.vietnameseTime(meeting, in: zone) }
        return render(request, "dashboard/sheet", title: text["sheet"], values)
    }
}
