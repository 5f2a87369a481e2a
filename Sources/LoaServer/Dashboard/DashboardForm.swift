import Foundation
import Hummingbird
import LoaChannels
import LoaCore
import LoaStore

extension DashboardPages {
    static let fields = ["kind", "title", "body", "to", "at", "meeting", "place", "channels", "remind", "priority"]

    /// The new-notice form; `note` is a preview or an error shown above it.
    func form(_ request: DashboardRequest, values: [String: String], note: String?) async throws -> Response {
        let text = request.text
        guard request.identity.maySend else { throw DashboardRefusal(status: .forbidden, key: "forbidden") }
        func field(_ name: String, _ label: String, placeholder: String = "") -> String {
            "<label>\(label)<br><input type=\"text\" name=\"\(name)\" value=\"\(HTML.escape(values[name] ?? ""))\" placeholder=\"\(HTML.escape(placeholder))\"></label>"
        }
        let kinds = ["convocation", "notice", "alert"].map { kind in
            "<option value=\"\(kind)\"\((values["kind"] ?? "convocation") == kind ? " selected" : "")>\(text[kind])</option>"
        }.joined()
        let scope = request.identity.role == .sender
            ? request.identity.scopes.map(\.description).joined(separator: ", ") : "all, hamlet:…, group:…, phone:…"
        let body = """
            <h1>\(text["new"])</h1>
            \(note ?? "")
            <form method="post" action="/notices">
            <input type="hidden" name="csrf" value="\(request.csrf)">
            <label>\(text["kind"])<br><select name="kind">\(kinds)</select></label>
            \(field("title", text["notices"]))
            <label>\(text["body"])<br><textarea name="body" rows="5">\(HTML.escape(values["body"] ?? ""))</textarea></label>
            \(field("to", text["to"], placeholder: scope))
            \(field("at", text["at"], placeholder: "YYYY-MM-DD HH:MM"))
            \(field("meeting", text["meeting"], placeholder: "YYYY-MM-DD HH:MM"))
            \(field("place", text["place"]))
            \(field("channels", text["channels"], placeholder: setup.configuration.channels.map(\.name).joined(separator: ">")))
            \(field("remind", text["remind"], placeholder: "24h, 2h"))
            <p><button type="submit" name="action" value="preview">\(text["preview"])</button>
            <button type="submit" name="action" value="create">\(text["create"])</button></p>
            </form>
            """
        return page(request, title: text["new"], body: body)
    }

    /// Previews (segments and cost) or creates the notice from the form, under the caller's role.
    func submit(_ request: DashboardRequest) async throws -> Response {
        let text = request.text
        guard request.identity.maySend else { throw DashboardRefusal(status: .forbidden, key: "forbidden") }
        var values: [String: String] = [:]
        for name in Self.fields { values[name] = request.form[name]?.trimmingCharacters(in: .whitespacesAndNewlines) }
        var notice = NoticeRequest()
        notice.kind = NoticeKind(rawValue: values["kind"] ?? "") ?? .notice
        notice.title = values["title"] ?? ""
        notice.body = values["body"] ?? ""
        notice.to = Self.list(values["to"])
        notice.at = values["at"].flatMap { $0.isEmpty ? nil : $0 }
        notice.meeting = values["meeting"].flatMap { $0.isEmpty ? nil : $0 }
        notice.place = values["place"].flatMap { $0.isEmpty ? nil : $0 }
        notice.channels = values["channels"].flatMap { $0.isEmpty ? nil : $0 }
        notice.remind = Self.list(values["remind"])
        var draft: NoticeDraft
        do {
            draft = try notice.draft(configuration: setup.configuration, createdBy: request.identity.actor, now: setup.now())
            draft.createdByToken = request.identity.tokenID
            draft.audience = try await NameLookup.selectors(draft.audience, in: setup.store)
        } catch let error as NoticeRequest.Invalid {
            return try await form(request, values: values, note: "<p class=warn>\(HTML.escape(error.description))</p>")
        } catch let error as NameLookup.Unknown {
            return try await form(request, values: values, note: "<p class=warn>\(HTML.escape(error.description))</p>")
        }
        if let refusal = request.identity.refusal(toTarget: draft.audience) {
            return try await form(request, values: values, note: "<p class=warn>\(HTML.escape(refusal))</p>")
        }
        if let refusal = try await SendPermission.refusal(draft, identity: request.identity, setup: setup) {
            return try await form(request, values: values, note: "<p class=warn>\(HTML.escape(refusal))</p>")
        }
        if let misfit = try await ZNSNoticeFit.refusal(draft, configuration: setup.configuration, store: setup.store) {
            return try await form(request, values: values, note: "<p class=warn>\(HTML.escape(misfit))</p>")
        }
        if request.form["action"] == "preview" {
            let count = try await setup.store.countAudience(draft.audience)
            let preview = NoticePreview(
                draft: draft, configuration: setup.configuration, targeted: count.targeted, unreachable: count.unreachable)
            return try await form(request, values: values, note: Self.previewNote(preview, text))
        }
        let created = try await setup.store.createNotice(draft)
        return Self.redirect("/notices/\(created.id)")
    }

    static func list(_ text: String?) -> [String] {
        (text ?? "").split(whereSeparator: { $0 == "," || $0 == "\n" }).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
    }

    static func previewNote(_ preview: NoticePreview, _ text: DashboardText) -> String {
        var costs = ""
        for channel in preview.channels {
            guard let audience = channel.audience else { continue }
            costs += "<li>\(HTML.escape(channel.name)): \(text["accented"]) \(Int(audience.accented)) · \(text["folded"]) \(Int(audience.folded))"
                + " (\(text["saved"]) \(Int(audience.difference)))</li>"
        }
        var sends = ""
        for channel in preview.channels {
            let template = channel.template.map { "\(text["template"]) '\(HTML.escape($0))'" }
                ?? (channel.refusal == nil ? text["freetext"] : text["nofit"])
            sends += "<p>\(HTML.escape(channel.name)): \(template), \(channel.segments) \(text["segments"])</p>"
                + "<pre>\(HTML.escape(channel.text ?? channel.refusal ?? ""))</pre>"
        }
        return """
            <div class=preview><p class=muted>\(text["preview.note"]) \(preview.targeted) \(text["residents"]).</p>
            <p>\(text["accented"]): \(preview.accented.segments) \(text["segments"])</p><pre>\(HTML.escape(preview.accented.text))</pre>
            <p>\(text["folded"]): \(preview.folded.segments) \(text["segments"])</p><pre>\(HTML.escape(preview.folded.text))</pre>
            \(sends)
            \(costs.isEmpty ? "" : "<p>\(text["cost"]):</p><ul>\(costs)</ul>")</div>
            """
    }
}
