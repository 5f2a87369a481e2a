import Foundation
import Hummingbird
import LoaChannels
import LoaCore
import LoaStore

/// The door-to-door list (issue 19): one hamlet's residents not yet reached for each open
/// convocation, as cards with a call link and two one-tap buttons that record an acknowledgement.
struct FollowUpPage: Sendable {
    let pages: DashboardPages
    var store: any Store { pages.setup.store }
    var zone: TimeZone { pages.zone }

    /// The ways staff record an acknowledgement gathered off-line (SPEC §3 `loa ack --via`).
    static let ways = ["in-person", "phone-call"]

    /// `GET /follow-up`: the chooser, then the cards of the chosen hamlet.
    func list(_ request: DashboardRequest) async throws -> Response {
        let text = request.text
        let scope = try await FollowUpScope.of(request.identity, wanted: request.query["hamlet"], store: store)
        var convocations: [[String: Any]] = []
        if let hamlet = scope.hamlet {
            for notice in FollowUpScope.openConvocations(try await store.notices(), now: pages.setup.now()) {
                let counts = try await store.report(notice: notice.id, by: .hamlet, reachTarget: 1)
                guard counts.rows.contains(where: { $0.key.nameKey == hamlet.nameKey && $0.counts.targeted > 0 }) else { continue }
                let entries = try await store.unread(notice: notice.id, filter: UnreadFilter(hamlet: hamlet))
                convocations.append(card(notice, entries, hamlet: hamlet, request))
            }
        }
        let values: [String: Any] = [
            "hamlets": scope.choices.map { ["name": $0, "selected": $0 == scope.hamlet] as [String: Any] },
            "chooser": scope.choices.count > 1 || scope.hamlet == nil,
            "hamlet": scope.hamlet ?? "", "chosen": scope.hamlet != nil,
            "done": request.query["done"] == "1", "convocations": convocations,
            "none": scope.hamlet != nil && convocations.isEmpty,
        ]
        let title = text["fu.title"] + (scope.hamlet.map { " – " + $0 } ?? "")
        return pages.render(request, "follow-up/list", title: title, values)
    }

    /// One convocation's group of cards.
    private func card(_ notice: Notice, _ entries: [UnreadEntry], hamlet: String, _ request: DashboardRequest) -> [String: Any] {
        let text = request.text
        let people = entries.map { entry -> [String: Any] in
            var person: [String: Any] = [
                "name": entry.name, "state": FollowUpWords.state(entry.state, text), "anchor": "r\(entry.residentID)",
                "notice": notice.id,
            ]
            if let phone = entry.phone {
                person["phone"] = phone
                person["display"] = UnreadOutput.displayPhone(phone)
            }
            if let error = FollowUpWords.error(entry.lastError, text) {
                person["error"] = error
                person["rawError"] = entry.lastError ?? ""
            }
            return person
        }
        var values: [String: Any] = [
            "id": notice.id, "anchor": "n-" + notice.id, "title": notice.draft.title, "left": entries.count,
            "people": people, "empty": entries.isEmpty,
            "sheet": "/follow-up/sheet?" + FormEncoding.encode([("notice", notice.id), ("hamlet", hamlet)]),
        ]
        if let meeting = notice.draft.meetingAt {
            values["meeting"] = text.english ? TimeText.short(meeting, in: zone) : HTML.vietnameseTime(meeting, in: zone)
        }
        if let place = notice.draft.place { values["place"] = place }
        return values
    }

    /// `POST /follow-up/ack`: checks on the server that the resident lives in a hamlet the caller
    /// may follow up and that the notice is an open convocation sent to them, records the
    /// acknowledgement (who, when, how; audited as `ack.manual`) and goes back to the list.
    func acknowledge(_ request: DashboardRequest) async throws -> Response {
        let form = request.form
        guard let via = form["via"], Self.ways.contains(via) else { return refuse(request, .badRequest, "fu.badvia") }
        guard let phone = try? PhoneNumber(parsing: form["phone"] ?? "") else { return refuse(request, .badRequest, "fu.badphone") }
        // Never the form's word for the hamlet: the resident's own, as stored.
        guard let resident = try await store.resident(phone: phone), let hamlet = resident.hamlet,
            request.identity.mayFollowUp(hamlet: hamlet)
        else { return refuse(request, .forbidden, "fu.nothamlet") }
        let back = "/follow-up?" + FormEncoding.encode([("hamlet", hamlet)])
        let now = pages.setup.now()
        guard let notice = try await store.notice(id: (form["notice"] ?? "").uppercased()),
            !FollowUpScope.openConvocations([notice], now: now).isEmpty
        else { return refuse(request, .conflict, "fu.notopen", back: back) }
        switch try await store.acknowledge(notice: notice.id, phone: phone, via: via, actor: request.identity.actor, at: now) {
        case nil: return refuse(request, .notFound, "fu.nottargeted", back: back)
        case .closed?: return refuse(request, .conflict, "fu.closed", back: back)
        case .recorded?, .already?: return DashboardPages.redirect(back + "&done=1#n-" + notice.id)
        }
    }

    /// A page saying why nothing was recorded, with the way back to the list.
    func refuse(
        _ request: DashboardRequest, _ status: HTTPResponse.Status, _ key: String, back: String = "/follow-up"
    ) -> Response {
        pages.render(request, "follow-up/refused", title: request.text["fu.title"], ["message": request.text[key], "back": back], status: status)
    }
}
