import Foundation
import Hummingbird
import LoaChannels
import LoaCore
import LoaStore

/// The residents registry pages (admins only, SPEC §1): the searchable list, and the add and
/// edit forms with remove and restore, each change audited by the store under the signed-in actor.
struct RegistryPages: Sendable {
    let pages: DashboardPages
    var store: any Store { pages.setup.store }

    /// Rows per page of the list.
    static let pageSize = 50

    /// Refuses anyone but an admin: the registry is the commune office's (auditors do not see it either).
    static func requireAdmin(_ request: DashboardRequest) throws {
        guard request.identity.role == .admin else { throw DashboardRefusal(status: .forbidden, key: "forbidden") }
    }

    /// `GET /residents`: search by name or phone, filter by hamlet and group, removed ones on request, 50 a page.
    func list(_ request: DashboardRequest) async throws -> Response {
        try Self.requireAdmin(request)
        let text = request.text
        let query = request.query
        let typed = query["q"] ?? ""
        let hamlet = query["hamlet"].flatMap { $0.isEmpty ? nil : $0 }
        let group = query["group"].flatMap { $0.isEmpty ? nil : $0 }
        let removed = query["removed"] == "1"
        let page = min(max(Int(query["page"] ?? "") ?? 1, 1), 100_000)
        let found = try await store.searchResidents(
            ResidentSearch(
                text: typed, hamlet: hamlet, group: group, includeRemoved: removed, limit: Self.pageSize,
                offset: (page - 1) * Self.pageSize))
        let hamlets = try await store.hamlets()
        let groups = try await store.groups()
        func link(_ number: Int) -> String {
            var pairs: [(String, String)] = [("q", typed), ("hamlet", hamlet ?? ""), ("group", group ?? "")]
            if removed { pairs.append(("removed", "1")) }
            pairs.append(("page", String(number)))
            return "/residents?" + FormEncoding.encode(pairs.filter { !$0.1.isEmpty })
        }
        let first = (page - 1) * Self.pageSize
        var values: [String: Any] = [
            "q": typed, "removed": removed, "total": found.total, "from": first + 1, "to": first + found.residents.count,
            "hamlets": hamlets.map { ["name": $0, "selected": $0.matchKey == hamlet?.matchKey] as [String: Any] },
            "groups": groups.map { ["name": $0, "selected": $0.matchKey == group?.matchKey] as [String: Any] },
            "rows": found.residents.map { resident -> [String: Any] in
                [
                    "href": "/residents/\(resident.id)", "name": resident.name, "phone": resident.phone?.national ?? "",
                    "hamlet": resident.hamlet ?? "", "groups": resident.groups.joined(separator: ", "),
                    "zalo": resident.zaloID != nil, "removed": resident.removedAt != nil,
                ]
            },
            "hasRows": !found.residents.isEmpty,
        ]
        if page > 1 { values["prev"] = link(page - 1) }
        if first + found.residents.count < found.total { values["next"] = link(page + 1) }
        if let note = try await note(request) { values["note"] = note }
        return pages.render(request, "residents/list", title: text["residents.title"], values)
    }

    /// The line a change's redirect asks the list to show (`?done=add&id=12`), naming the resident.
    private func note(_ request: DashboardRequest) async throws -> String? {
        guard let done = request.query["done"], ["add", "update", "remove", "restore", "same"].contains(done),
            let id = request.query["id"].flatMap({ Int64($0) }), let resident = try await store.resident(id: id)
        else { return nil }
        return request.text["residents.done.\(done)"] + " " + resident.name + "."
    }

    /// The resident a path names, or a 404 page.
    func resident(_ id: String) async throws -> Resident {
        guard let number = Int64(id), let resident = try await store.resident(id: number) else {
            throw DashboardRefusal(status: .notFound, key: "residents.err.notfound")
        }
        return resident
    }

    /// Redirects to the list with a note about `resident`.
    static func done(_ action: String, _ resident: Resident) -> Response {
        DashboardPages.redirect("/residents?done=\(action)&id=\(resident.id)")
    }
}
