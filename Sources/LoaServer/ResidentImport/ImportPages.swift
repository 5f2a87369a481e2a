import Foundation
import Hummingbird
import LoaCore
import LoaStore

/// The upload, preview and confirm pages of resident import (admins only).
struct ImportPages: Sendable {
    let pages: DashboardPages
    let pending: PendingImports
    /// Rows of each kind shown on the preview; the counts cover all.
    static let shownRows = 200
    static let uploadLimit = 20 * 1024 * 1024

    static func admin(_ request: DashboardRequest) throws {
        guard request.identity.role == .admin else { throw DashboardRefusal(status: .forbidden, key: "forbidden") }
    }

    func form(_ request: DashboardRequest, error: String? = nil, status: HTTPResponse.Status = .ok) throws -> Response {
        try Self.admin(request)
        var values: [String: Any] = [:]
        if let error { values["error"] = error }
        return pages.render(request, "import/upload", title: request.text["import.title"], values, status: status)
    }

    /// Reads the uploaded file; a readable one is kept and previewed, anything else re-shows the form with the reason.
    func upload(_ request: DashboardRequest) async throws -> Response {
        try Self.admin(request)
        let text = request.text
        guard let file = request.files["file"], !file.filename.isEmpty || !file.bytes.isEmpty else {
            return try form(request, error: text["import.nofile"], status: .badRequest)
        }
        guard !file.bytes.isEmpty else { return try form(request, error: text["import.empty"], status: .unprocessableContent) }
        // An old binary Office file (.xls, .doc: OLE2 signature) is neither an .xlsx nor a CSV.
        guard !file.bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) else {
            return try form(request, error: text["import.notsheet"], status: .unprocessableContent)
        }
        let parsed: ResidentCSVResult
        switch try await ResidentFile.parseOffPool(file.bytes) {
        case .success(let result):
            parsed = result
        case .failure(let error):
            let why: String
            switch error {
            case .sheet(let sheet) where sheet.description.hasPrefix("not an .xlsx"): why = text["import.notsheet"]
            default: why = text["import.unreadable"] + " " + error.description
            }
            return try form(request, error: why, status: .unprocessableContent)
        }
        let preview = try await ImportPreview.make(parsed, store: pages.setup.store)
        let id = await pending.add(
            PendingImports.Entry(
                session: request.sessionHash, created: pages.setup.now(), filename: file.filename, parsed: parsed, preview: preview),
            now: pages.setup.now())
        return DashboardPages.redirect("/residents/import/\(id)")
    }

    /// The preview of a pending upload, or what its import did once confirmed.
    func show(_ id: String, _ request: DashboardRequest) async throws -> Response {
        try Self.admin(request)
        let text = request.text
        guard let entry = await pending.entry(id, session: request.sessionHash, now: pages.setup.now()) else {
            return pages.render(request, "import/upload", title: text["import.title"], ["error": text["import.expired"]], status: .notFound)
        }
        let preview = entry.preview
        let parsed = entry.parsed
        var values: [String: Any] = [
            "id": id, "filename": entry.filename,
            "added": preview.added.count, "updated": preview.updated.count, "unchanged": preview.unchanged.count,
            "rejected": parsed.rejections.count,
            "addedRows": Self.rows(preview.added), "unchangedRows": Self.rows(preview.unchanged),
            "updatedRows": preview.updated.prefix(Self.shownRows).map { change in
                Self.row(change.input, extra: ["changes": change.fields.map { Self.describe($0, text) }.joined(separator: " · ")])
            },
            "rejectedRows": parsed.rejections.prefix(Self.shownRows).map { ["line": $0.line, "reason": Self.reason($0, text)] as [String: Any] },
        ]
        for (key, count) in [("addedMore", preview.added.count), ("updatedMore", preview.updated.count),
                             ("unchangedMore", preview.unchanged.count), ("rejectedMore", parsed.rejections.count)]
        where count > Self.shownRows {
            values[key] = count - Self.shownRows
        }
        values["hasAdded"] = !preview.added.isEmpty
        values["hasUpdated"] = !preview.updated.isEmpty
        values["hasUnchanged"] = !preview.unchanged.isEmpty
        values["hasRejected"] = !parsed.rejections.isEmpty
        if !parsed.ignoredHeaders.isEmpty { values["ignored"] = parsed.ignoredHeaders.joined(separator: ", ") }
        if let outcome = entry.outcome {
            values["done"] = ["added": outcome.added, "updated": outcome.updated, "unchanged": outcome.unchanged] as [String: Any]
        } else {
            values["pending"] = true
        }
        let title = entry.outcome == nil ? text["import.preview"] : text["import.done"]
        return pages.render(request, "import/preview", title: title, values)
    }

    /// Imports a pending upload with the store's own import (audited as `residents.import`).
    func confirm(_ id: String, _ request: DashboardRequest) async throws -> Response {
        try Self.admin(request)
        guard let entry = await pending.claim(id, session: request.sessionHash, now: pages.setup.now()) else {
            return pages.render(
                request, "import/upload", title: request.text["import.title"], ["error": request.text["import.expired"]], status: .notFound)
        }
        let counts: ImportCounts
        do {
            counts = try await pages.setup.store.importResidents(
                entry.parsed.residents, columns: entry.parsed.columns, dryRun: false, actor: request.identity.actor, progress: { _ in })
        } catch {
            // The import's transaction rolled back: the upload may be confirmed again.
            await pending.release(id)
            throw error
        }
        await pending.finish(id, outcome: counts)
        return DashboardPages.redirect("/residents/import/\(id)")
    }

    func cancel(_ id: String, _ request: DashboardRequest) async throws -> Response {
        try Self.admin(request)
        await pending.remove(id, session: request.sessionHash)
        return DashboardPages.redirect("/residents/import")
    }

    static func rows(_ inputs: [ResidentInput]) -> [[String: Any]] {
        inputs.prefix(shownRows).map { row($0) }
    }

    static func row(_ input: ResidentInput, extra: [String: Any] = [:]) -> [String: Any] {
        var values: [String: Any] = [
            "line": input.line, "name": input.name, "phone": input.phone.national, "hamlet": input.hamlet ?? "",
            "groups": input.groups.joined(separator: "; "),
        ]
        values.merge(extra) { _, new in new }
        return values
    }

    /// `hamlet: Thông Nhất → Tân Lập`, in the reader's words.
    static func describe(_ change: (String, String, String), _ text: DashboardText) -> String {
        let (field, before, after) = change
        guard field != "restore" else { return text["import.field.restore"] }
        let none = text["import.none"]
        return text["import.field.\(field)"] + ": " + (before.isEmpty ? none : before) + " → " + (after.isEmpty ? none : after)
    }

    /// A rejection's reasons in the reader's language.
    static func reason(_ rejection: ResidentRejection, _ text: DashboardText) -> String {
        guard !rejection.problems.isEmpty else { return rejection.reason }
        return rejection.problems.map { problem -> String in
            switch problem {
            case .missingName: text["import.p.name"]
            case .missingPhone: text["import.p.phone"]
            case .phone(let error): ResidentForm.reason(error, text)
            case .zaloAsNumber(let zalo): text["import.p.zalo"] + " ‘\(zalo)’"
            case .duplicatePhone(let phone, let first, _):
                text["import.p.duplicate"] + " \(first) (\(PhoneNumber(e164: phone)?.national ?? phone))"
            case .notUTF8: text["import.p.utf8"]
            }
        }.joined(separator: "; ")
    }
}
