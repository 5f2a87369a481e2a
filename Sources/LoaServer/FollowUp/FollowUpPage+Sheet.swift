import Foundation
import Hummingbird
import LoaChannels
import LoaCore
import LoaStore

extension FollowUpPage {
    /// `GET /follow-up/sheet?notice=…&hamlet=…`: the paper list of one hamlet for one open
    /// convocation, for those who prefer to tick on paper and enter the ticks later from the list.
    /// Volunteers and hamlet heads may print it for their own hamlet (the notices' sheet is for readers of the notice).
    func sheet(_ request: DashboardRequest) async throws -> Response {
        let text = request.text
        let scope = try await FollowUpScope.of(request.identity, wanted: request.query["hamlet"], store: store)
        guard let hamlet = scope.hamlet else { return refuse(request, .badRequest, "fu.pick") }
        guard let notice = try await store.notice(id: (request.query["notice"] ?? "").uppercased()),
            !FollowUpScope.openConvocations([notice], now: pages.setup.now()).isEmpty
        else { return refuse(request, .notFound, "fu.notopen") }
        let entries = try await store.unread(notice: notice.id, filter: UnreadFilter(hamlet: hamlet))
        let rows = entries.enumerated().map { index, entry -> [String: Any] in
            ["number": index + 1, "name": entry.name, "phone": entry.phone.map(UnreadOutput.displayPhone) ?? "—"]
        }
        var values: [String: Any] = [
            "hamlet": hamlet, "notice": notice.id, "noticeTitle": notice.draft.title, "rows": rows, "count": entries.count,
            "printed": TimeText.short(pages.setup.now(), in: zone),
            "back": "/follow-up?" + FormEncoding.encode([("hamlet", hamlet)]),
        ]
        if let meeting = notice.draft.meetingAt {
            values["meeting"] = text.english ? TimeText.short(meeting, in: zone) : HTML.vietnameseTime(meeting, in: zone)
        }
        return pages.render(request, "follow-up/sheet", title: text["sheet"], values)
    }
}
