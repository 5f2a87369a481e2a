import Foundation
import Hummingbird
import LoaStore

extension RepliesPage {
    /// `POST /replies/:id/attach` (field `notice`): acknowledges the sender's message of that notice
    /// (via `reply`, under the signed-in staff member) and marks the reply handled.
    func attach(_ id: String, _ request: DashboardRequest) async throws -> Response {
        try Self.requireAdmin(request)
        guard let reply = Int64(id) else { return refuse(request, .notFound, "rp.notfound") }
        guard let notice = request.form["notice"].map({ $0.uppercased() }), !notice.isEmpty else {
            return refuse(request, .badRequest, "rp.nonotice")
        }
        let outcome = try await store.attachReply(id: reply, notice: notice, actor: request.identity.actor, at: pages.setup.now())
        return answer(outcome, done: "attached", request)
    }

    /// `POST /replies/:id/dismiss`: marks the reply handled, acknowledging nothing.
    func dismiss(_ id: String, _ request: DashboardRequest) async throws -> Response {
        try Self.requireAdmin(request)
        guard let reply = Int64(id) else { return refuse(request, .notFound, "rp.notfound") }
        return answer(try await store.dismissReply(id: reply, actor: request.identity.actor, at: pages.setup.now()), done: "dismissed", request)
    }

    private func answer(_ outcome: TriageOutcome, done: String, _ request: DashboardRequest) -> Response {
        switch outcome {
        case .handled: DashboardPages.redirect("/replies?done=\(done)")
        case .alreadyHandled: refuse(request, .conflict, "rp.already")
        case .notFound: refuse(request, .notFound, "rp.notfound")
        case .notTargeted: refuse(request, .badRequest, "rp.nottargeted")
        case .closed: refuse(request, .conflict, "rp.closed")
        }
    }

    /// A page saying why nothing changed, with the way back.
    private func refuse(_ request: DashboardRequest, _ status: HTTPResponse.Status, _ key: String) -> Response {
        pages.render(
            request, "follow-up/refused", title: request.text["nav.replies"],
            ["message": request.text[key], "back": "/replies"], status: status)
    }
}
