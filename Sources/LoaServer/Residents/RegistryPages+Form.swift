import Foundation
import Hummingbird
import LoaCore
import LoaStore

extension RegistryPages {
    /// `GET /residents/new`: the empty add form.
    func new(_ request: DashboardRequest) async throws -> Response {
        try Self.requireAdmin(request)
        return try await form(request, ResidentForm(), editing: nil, errors: [], status: .ok)
    }

    /// `POST /residents`: adds the resident, or shows the form again with what was typed and why not.
    func create(_ request: DashboardRequest) async throws -> Response {
        try Self.requireAdmin(request)
        let typed = ResidentForm(fields: request.form)
        let (input, errors) = typed.input(request.text)
        guard let input else { return try await form(request, typed, editing: nil, errors: errors, status: .badRequest) }
        do {
            return Self.done("add", try await store.addResident(input, actor: request.identity.actor))
        } catch let error as StoreError {
            return try await refused(error, input, request, typed, editing: nil)
        }
    }

    /// `GET /residents/:id`: the edit form, the resident's recent notices, and remove or restore.
    func edit(_ id: String, _ request: DashboardRequest) async throws -> Response {
        try Self.requireAdmin(request)
        let resident = try await resident(id)
        return try await form(request, ResidentForm(resident), editing: resident, errors: [], status: .ok)
    }

    /// `POST /residents/:id`: saves the changes (a new hamlet is a move), or shows the form again.
    func update(_ id: String, _ request: DashboardRequest) async throws -> Response {
        try Self.requireAdmin(request)
        let old = try await resident(id)
        let typed = ResidentForm(fields: request.form)
        let (input, errors) = typed.input(request.text)
        guard let input else { return try await form(request, typed, editing: old, errors: errors, status: .badRequest) }
        do {
            let new = try await store.updateResident(id: old.id, input, actor: request.identity.actor)
            return Self.done(new == old ? "same" : "update", new)
        } catch let error as StoreError {
            return try await refused(error, input, request, typed, editing: old)
        }
    }

    /// `POST /residents/:id/remove`: removes the resident from the registry (kept for history).
    func remove(_ id: String, _ request: DashboardRequest) async throws -> Response {
        try Self.requireAdmin(request)
        let resident = try await resident(id)
        return Self.done("remove", try await store.removeResident(id: resident.id, actor: request.identity.actor, at: pages.setup.now()))
    }

    /// `POST /residents/:id/restore`: brings a removed resident back.
    func restore(_ id: String, _ request: DashboardRequest) async throws -> Response {
        try Self.requireAdmin(request)
        let resident = try await resident(id)
        return Self.done("restore", try await store.restoreResident(id: resident.id, actor: request.identity.actor))
    }

    /// The form again after the store refused: a phone another resident holds (409, naming them),
    /// a removed resident (409), or input the store would not take (400).
    private func refused(
        _ error: StoreError, _ input: ResidentInput, _ request: DashboardRequest, _ typed: ResidentForm, editing: Resident?
    ) async throws -> Response {
        let text = request.text
        switch error.kind {
        case .conflict:
            let other = try await store.searchResidents(ResidentSearch(text: input.phone.national, includeRemoved: true, limit: 1))
                .residents.first { $0.phone == input.phone && $0.id != editing?.id }
            guard let other else {
                return try await form(request, typed, editing: editing, errors: [text["residents.err.removed"]], status: .conflict)
            }
            var reason = text["residents.err.taken"] + " " + other.name
            if let hamlet = other.hamlet { reason += " (\(text["hamlet"]) \(hamlet))" }
            if other.removedAt != nil { reason += " " + text["residents.err.taken.removed"] }
            return try await form(
                request, typed, editing: editing, errors: [reason], status: .conflict, other: "/residents/\(other.id)")
        case .notFound:
            throw DashboardRefusal(status: .notFound, key: "residents.err.notfound")
        default:
            return try await form(request, typed, editing: editing, errors: [error.description], status: .badRequest)
        }
    }

    /// Renders the add form, or the edit form of `editing` with its recent notices.
    private func form(
        _ request: DashboardRequest, _ typed: ResidentForm, editing: Resident?, errors: [String], status: HTTPResponse.Status,
        other: String? = nil
    ) async throws -> Response {
        let text = request.text
        var values = typed.context(hamlets: try await store.hamlets(), groups: try await store.groups())
        values["errors"] = errors
        values["hasErrors"] = !errors.isEmpty
        if let other { values["other"] = other }
        let zone = pages.zone
        if let editing {
            values["action"] = "/residents/\(editing.id)"
            values["editing"] = ["id": editing.id, "removeAction": "/residents/\(editing.id)/remove", "restoreAction": "/residents/\(editing.id)/restore"]
            if let removedAt = editing.removedAt { values["removedAt"] = Self.time(removedAt, zone) }
            let history = try await store.residentHistory(id: editing.id, limit: 10)
            values["history"] = history.map { item -> [String: Any] in
                [
                    "href": "/notices/\(item.notice)", "title": item.title, "kind": text[item.kind.rawValue], "sent": Self.time(item.sendAt, zone),
                    "state": text["residents.state.\(item.state.rawValue)"],
                ]
            }
            values["hasHistory"] = !history.isEmpty
        } else {
            values["action"] = "/residents"
        }
        let title = editing == nil ? text["residents.new"] : text["residents.edit"]
        return pages.render(request, "residents/form", title: title, values, status: status)
    }

    /// `19:30 03/12/2026` on the commune's clock.
    static func time(_ date: Date, _ zone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(
            format: "%02d:%02d %02d/%02d/%04d", parts.hour ?? 0, parts.minute ?? 0, parts.day ?? 0, parts.month ?? 0, parts.year ?? 0)
    }
}
