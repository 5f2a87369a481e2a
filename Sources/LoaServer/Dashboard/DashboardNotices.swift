import Foundation
import Hummingbird
import LoaChannels
import LoaCore
import LoaStore

extension DashboardPages {
    /// The notices the caller may read, newest first, with their reach.
    func list(_ request: DashboardRequest) async throws -> Response {
        let text = request.text
        let notices = try await setup.store.notices().filter(request.identity.mayRead)
        var rows: [[String: Any]] = []
        for notice in notices {
            let report = try await setup.store.report(notice: notice.id, by: nil, reachTarget: setup.configuration.commune.reachTarget)
            let totals = report.totals
            rows.append([
                "id": notice.id, "title": notice.draft.title, "kind": text[notice.draft.kind.rawValue],
                "sent": TimeText.short(notice.draft.sendAt, in: zone), "targeted": totals.targeted, "delivered": totals.delivered,
                "acknowledged": totals.acknowledged, "reach": HTMLReport.percent(totals.reach),
                "reachClass": totals.reach >= report.reachTarget ? "ok" : "low", "status": text[notice.status.rawValue],
            ])
        }
        return render(request, "dashboard/notices", title: text["notices"], [
            "notices": rows, "hasNotices": !rows.isEmpty, "mayCreate": request.identity.role != .auditor,
        ])
    }

    func readable(_ id: String, _ request: DashboardRequest) async throws -> Notice {
        guard let notice = try await setup.store.notice(id: id.uppercased()) else { throw DashboardRefusal(status: .notFound, key: "notfound") }
        // Another sender's notice is "not found" too: the answer tells no notice ids apart.
        guard request.identity.mayRead(notice) else { throw DashboardRefusal(status: .notFound, key: "notfound") }
        return notice
    }

    /// One notice: its progress while it is still sending (the page then refreshes itself every
    /// 5 s, see ``NoticeProgress``), its reach by hamlet, group and channel, and its timeline.
    func notice(_ id: String, _ request: DashboardRequest) async throws -> Response {
        let text = request.text
        let notice = try await readable(id, request)
        let now = setup.now()
        let target = setup.configuration.commune.reachTarget
        let byHamlet = try await setup.store.report(notice: notice.id, by: .hamlet, reachTarget: target)
        let byGroup = try await setup.store.report(notice: notice.id, by: .group, reachTarget: target)
        let byChannel = try await setup.store.report(notice: notice.id, by: .channel, reachTarget: target)
        let timeline = try await setup.store.timeline(notice: notice.id, buckets: 48, until: now)
        let progress = NoticeProgress(notice: notice, counts: try await setup.store.messageCounts(notice: notice.id))
        let chart = HTMLReport(commune: setup.configuration.commune.name, zone: zone)
        let totals = byHamlet.totals
        var values: [String: Any] = [
            "id": notice.id, "kind": text[notice.draft.kind.rawValue], "sent": TimeText.short(notice.draft.sendAt, in: zone),
            "status": text[notice.status.rawValue], "reach": HTMLReport.percent(totals.reach),
            "reachClass": totals.reach >= target ? "ok" : "low", "reached": totals.reached, "targeted": totals.targeted,
            "target": HTMLReport.percent(target), "delivered": totals.delivered, "opened": totals.opened,
            "acknowledged": totals.acknowledged, "failed": totals.failed, "unreachable": totals.unreachable,
            "quotas": try await quotas(notice),
            "groupings": [
                Self.grouping(byHamlet, heading: text["by.hamlet"], chart: chart.chart(byHamlet), sheetFor: notice.id),
                Self.grouping(byGroup, heading: text["by.group"], chart: nil, sheetFor: nil),
                Self.grouping(byChannel, heading: text["by.channel"], chart: nil, sheetFor: nil),
            ],
            "mayCancel": request.identity.mayChange(notice) && notice.status != .cancelled,
        ]
        if progress.isActive(at: now) {
            values["refresh"] = true
            values["progress"] = progress.context(text, at: now, zone: zone)
        }
        if let timeline {
            values["timeline"] = TimelineChart(text: text, zone: zone).render(timeline, targeted: totals.targeted)
        }
        return render(request, "dashboard/notice", title: notice.draft.title, values)
    }

    /// The channels of the notice whose daily quota is used up (saved by `loa run`), with when it resets.
    private func quotas(_ notice: Notice) async throws -> [[String: Any]] {
        let now = setup.now()
        return try await setup.store.channelQuotas()
            .filter { $0.isExhausted(at: now) && notice.draft.channels.channels.contains($0.channel) }
            .map { ["channel": $0.channel, "resets": TimeText.short($0.resetsAt, in: zone)] }
    }

    func cancel(_ id: String, _ request: DashboardRequest) async throws -> Response {
        let notice = try await readable(id, request)
        guard request.identity.mayChange(notice) else { throw DashboardRefusal(status: .forbidden, key: "forbidden") }
        _ = try await setup.store.cancelNotice(id: notice.id, actor: request.identity.actor)
        return Self.redirect("/notices/\(notice.id)")
    }

    /// One reach table for the template: its heading, its chart (SVG Loa drew, labels escaped) and
    /// its rows, each hamlet linking to its printable sheet when `sheetFor` names the notice.
    static func grouping(_ report: ReachReport, heading: String, chart: String?, sheetFor notice: String?) -> [String: Any] {
        let rows = report.rows.map { row -> [String: Any] in
            let counts = row.counts
            var values: [String: Any] = [
                "key": row.key.isEmpty ? "—" : row.key, "targeted": counts.targeted, "delivered": counts.delivered,
                "opened": counts.opened, "acknowledged": counts.acknowledged, "reached": counts.reached,
                "reach": HTMLReport.percent(counts.reach),
            ]
            if let notice { values["sheet"] = "/notices/\(notice)/sheet?hamlet=\(FormEncoding.escape(row.key))" }
            return values
        }
        var values: [String: Any] = ["heading": heading, "rows": rows]
        if let chart { values["chart"] = chart }
        return values
    }

    static func redirect(_ location: String) -> Response {
        var headers = HTTPFields()
        headers[.location] = location
        return Response(status: .seeOther, headers: headers)
    }
}
