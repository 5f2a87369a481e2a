import Foundation
import Hummingbird
import LoaChannels
import LoaCore
import LoaStore

extension DashboardPages {
    /// Entries per page of the audit log.
    static let auditPageSize = 50

    /// Every change with who made it and when, newest first, filtered by actor and action and
    /// read page by page (`?actor=&action=&page=`); admins only.
    func audit(_ request: DashboardRequest) async throws -> Response {
        let text = request.text
        guard request.identity.role == .admin else { throw DashboardRefusal(status: .forbidden, key: "forbidden") }
        let actor = request.query["actor"].flatMap { $0.isEmpty ? nil : $0 }
        let action = request.query["action"].flatMap { $0.isEmpty ? nil : $0 }
        // A page number that is not a small positive number is the first page.
        let page = request.query["page"].flatMap { Int($0) }.flatMap { (1...100_000).contains($0) ? $0 : nil } ?? 1
        let size = Self.auditPageSize
        let found = try await setup.store.auditLog(AuditQuery(actor: actor, action: action, offset: (page - 1) * size, limit: size + 1))
        let names = try await setup.store.auditNames()
        // Staff accounts act as account:+84…; the log shows the person's name beside it.
        let people = Dictionary(try await setup.store.accounts().map { ($0.tokenLabel, $0.name) }, uniquingKeysWith: { first, _ in first })
        func choices(_ all: [String], _ chosen: String?) -> [[String: Any]] {
            // A chosen value no entry has any more stays selectable, so the filter shown is the one applied.
            let values = [""] + (chosen.map { all.contains($0) ? all : all + [$0] } ?? all)
            return values.map { value -> [String: Any] in
                let label = value.isEmpty ? text["all"] : people[value].map { "\($0) (\(value))" } ?? value
                return ["value": value, "label": label, "selected": value == (chosen ?? "")]
            }
        }
        func link(_ page: Int) -> String {
            "/audit?" + FormEncoding.encode([("actor", actor ?? ""), ("action", action ?? ""), ("page", String(page))])
        }
        let entries = found.prefix(size).map { entry -> [String: Any] in
            var row: [String: Any] = [
                "at": TimeText.short(entry.at, in: zone), "actor": entry.actor, "action": entry.action, "subject": entry.subject,
                "detail": entry.detail ?? "",
            ]
            if let person = people[entry.actor] { row["person"] = person }
            return row
        }
        var values: [String: Any] = [
            "actors": choices(names.actors, actor), "actions": choices(names.actions, action), "entries": Array(entries),
            "hasEntries": !entries.isEmpty, "page": page,
        ]
        if page > 1 { values["newer"] = link(page - 1) }
        if found.count > size { values["older"] = link(page + 1) }
        return render(request, "dashboard/audit", title: text["audit"], values)
    }
}
