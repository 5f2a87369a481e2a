import Foundation
import Hummingbird
import LoaChannels
import LoaCore
import LoaStore

/// The replies page (issue 19, admins): inbound texts that acknowledged nothing, with their
/// sender; staff attach one to a notice the sender was sent (it acknowledges) or dismiss it.
struct RepliesPage: Sendable {
    let pages: DashboardPages
    var store: any Store { pages.setup.store }

    /// `GET /replies`: waiting replies newest first, then the handled ones with who, when and what.
    func list(_ request: DashboardRequest) async throws -> Response {
        try Self.requireAdmin(request)
        let text = request.text
        let notices = Dictionary(try await store.notices().map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var waiting: [[String: Any]] = []
        for entry in try await store.unhandledReplies(limit: 200) {
            var values = describe(entry, request)
            if let resident = entry.reply.residentID {
                let targets = try await store.noticesTargeting(resident: resident).compactMap { notices[$0] }
                values["targets"] = targets.map { notice in
                    ["id": notice.id, "label": "\(notice.draft.title) (\(notice.id), \(text[notice.draft.kind.rawValue]), "
                        + "\(TimeText.short(notice.draft.sendAt, in: pages.zone)))"]
                }
                values["attachable"] = !targets.isEmpty
            }
            waiting.append(values)
        }
        let handled = try await store.handledReplies(limit: 50).map { entry -> [String: Any] in
            var values = describe(entry, request)
            let reply = entry.reply
            values["by"] = reply.handledBy ?? ""
            values["at"] = reply.handledAt.map { TimeText.short($0, in: pages.zone) } ?? ""
            if let handling = reply.handling, handling.hasPrefix("attached ") {
                let id = String(handling.dropFirst("attached ".count))
                values["what"] = text["rp.attached"] + " " + (notices[id].map { "\($0.draft.title) (\(id))" } ?? id)
            } else {
                values["what"] = text["rp.dismissed"]
            }
            return values
        }
        var values: [String: Any] = [
            "waiting": waiting, "handled": handled, "noneWaiting": waiting.isEmpty, "anyHandled": !handled.isEmpty,
        ]
        // An empty string is truthy to Mustache: the note bar only when something was done.
        if let done = request.query["done"] { values["done"] = text["rp.done." + done] }
        return pages.render(request, "replies/list", title: text["nav.replies"], values)
    }

    /// What every listed reply shows: when, where from, who, what they wrote, what Loa made of it.
    private func describe(_ entry: TriageReply, _ request: DashboardRequest) -> [String: Any] {
        let reply = entry.reply
        var values: [String: Any] = [
            "id": reply.id ?? 0, "received": TimeText.short(reply.receivedAt, in: pages.zone), "channel": reply.channel,
            "sender": reply.sender.hasPrefix("+") ? UnreadOutput.displayPhone(reply.sender) : reply.sender,
            "text": reply.text, "outcome": Self.outcome(reply.outcome, request.text),
        ]
        if let name = entry.residentName {
            values["resident"] = name
            values["hamlet"] = entry.hamlet ?? "—"
        }
        return values
    }

    /// A reply's stored outcome (`no keyword`, `unknown sender`…) in the page's language.
    static func outcome(_ outcome: String, _ text: DashboardText) -> String {
        for key in ["unknown sender", "no keyword", "no open convocation"] where outcome == key {
            return text["rp.outcome." + key.replacingOccurrences(of: " ", with: "_")]
        }
        if outcome.hasPrefix("closed ") { return text["rp.outcome.closed"] + " " + outcome.dropFirst("closed ".count) }
        return outcome
    }

    /// Refuses everyone but admins (403), for the replies and channels pages.
    static func requireAdmin(_ request: DashboardRequest) throws {
        guard request.identity.role == .admin else { throw DashboardRefusal(status: .forbidden, key: "forbidden") }
    }
}
