import Foundation
import Hummingbird
import LoaChannels
import LoaCore
import LoaStore

extension DashboardPages {
    static let fields = ["kind", "title", "body", "to", "at", "meeting", "place", "channels", "remind", "priority"]

    /// What the new-notice form shows above its fields: a refusal, or a preview of the texts.
    enum FormNote {
        case warning(String)
        case preview([String: Any])
    }

    /// The new-notice form, with what the caller typed and a note above it.
    func form(_ request: DashboardRequest, values: [String: String], note: FormNote?) async throws -> Response {
        let text = request.text
        guard request.identity.maySend else { throw DashboardRefusal(status: .forbidden, key: "forbidden") }
        func field(_ name: String, _ label: String, placeholder: String = "", long: Bool = false) -> [String: Any] {
            ["name": name, "label": label, "value": values[name] ?? "", "placeholder": placeholder, "long": long]
        }
        let kinds = ["convocation", "notice", "alert"].map { kind -> [String: Any] in
            ["value": kind, "label": text[kind], "selected": (values["kind"] ?? "convocation") == kind]
        }
        let scope = request.identity.role == .sender
            ? request.identity.scopes.map(\.description).joined(separator: ", ") : "all, hamlet:…, group:…, phone:…"
        var context: [String: Any] = [
            "kinds": kinds,
            "fields": [
                field("title", text["notices"]), field("body", text["body"], long: true), field("to", text["to"], placeholder: scope),
                field("at", text["at"], placeholder: "YYYY-MM-DD HH:MM"), field("meeting", text["meeting"], placeholder: "YYYY-MM-DD HH:MM"),
                field("place", text["place"]),
                field("channels", text["channels"], placeholder: setup.configuration.channels.map(\.name).joined(separator: ">")),
                field("remind", text["remind"], placeholder: "24h, 2h"),
            ],
        ]
        switch note {
        case .warning(let warning): context["warning"] = warning
        case .preview(let preview): context["preview"] = preview
        case nil: break
        }
        return render(request, "dashboard/form", title: text["new"], context)
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
            return try await form(request, values: values, note: .warning(error.description))
        } catch let error as NameLookup.Unknown {
            return try await form(request, values: values, note: .warning(error.description))
        }
        if let refusal = request.identity.refusal(toTarget: draft.audience) {
            return try await form(request, values: values, note: .warning(refusal))
        }
        if let refusal = try await SendPermission.refusal(draft, identity: request.identity, setup: setup) {
            return try await form(request, values: values, note: .warning(refusal))
        }
        if let misfit = try await ZNSNoticeFit.refusal(draft, configuration: setup.configuration, store: setup.store) {
            return try await form(request, values: values, note: .warning(misfit))
        }
        if request.form["action"] == "preview" {
            let count = try await setup.store.countAudience(draft.audience)
            let preview = NoticePreview(
                draft: draft, configuration: setup.configuration, targeted: count.targeted, unreachable: count.unreachable)
            return try await form(request, values: values, note: .preview(Self.previewContext(preview, text)))
        }
        let created = try await setup.store.createNotice(draft)
        return Self.redirect("/notices/\(created.id)")
    }

    static func list(_ text: String?) -> [String] {
        (text ?? "").split(whereSeparator: { $0 == "," || $0 == "\n" }).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
    }

    /// The preview's values for the template: both spellings, what each channel would send, and costs.
    static func previewContext(_ preview: NoticePreview, _ text: DashboardText) -> [String: Any] {
        let costs = preview.channels.compactMap { channel -> [String: Any]? in
            guard let audience = channel.audience else { return nil }
            return [
                "channel": channel.name, "accented": Int(audience.accented), "folded": Int(audience.folded),
                "saved": Int(audience.difference),
            ]
        }
        let sends = preview.channels.map { channel -> [String: Any] in
            let how = channel.template.map { "\(text["template"]) '\($0)'" } ?? (channel.refusal == nil ? text["freetext"] : text["nofit"])
            return ["channel": channel.name, "how": how, "segments": channel.segments, "text": channel.text ?? channel.refusal ?? ""]
        }
        return [
            "targeted": preview.targeted, "accentedSegments": preview.accented.segments, "accentedText": preview.accented.text,
            "foldedSegments": preview.folded.segments, "foldedText": preview.folded.text, "sends": sends, "costs": costs,
            "hasCosts": !costs.isEmpty,
        ]
    }
}
