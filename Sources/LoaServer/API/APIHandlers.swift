import Foundation
import Hummingbird
import LoaCore
import LoaStore

/// The API's handlers, each given the caller's ``Identity``.
struct APIHandlers: Sendable {
    let setup: ServerSetup
    var zone: TimeZone { setup.configuration.commune.timeZone }

    /// Authenticates, runs `body`, and turns refusals and failures into JSON answers.
    func run(_ request: Request, _ context: LoaRequestContext, _ body: (Identity) async throws -> Response) async throws -> Response {
        guard let header = request.headers[.authorization], header.hasPrefix("Bearer ") else {
            return Responses.error(.unauthorized, "send Authorization: Bearer TOKEN (loa token create)")
        }
        let token = String(header.dropFirst("Bearer ".count)).trimmingCharacters(in: .whitespaces)
        do {
            guard let record = try await setup.store.token(hash: APIToken.hash(token), at: setup.now()) else {
                return Responses.error(.unauthorized, "unknown, expired or revoked token")
            }
            return try await body(Identity(record))
        } catch let refusal as APIRefusal {
            return Responses.error(refusal.status, refusal.message)
        } catch let error as HTTPError {
            throw error
        } catch let error as NameLookup.Unknown {
            return Responses.error(.badRequest, error.description)
        } catch let error as StoreError {
            return Responses.error(.badRequest, error.description)
        } catch {
            return ErrorReference.log(error, "api failed", logger: setup.logger).json
        }
    }

    /// The notice, if it exists and the caller may see it: another sender's notice is as missing as
    /// one that never existed (both 404), so the answers tell no notice ids apart.
    func readable(_ id: String, _ identity: Identity) async throws -> Notice {
        guard let notice = try await setup.store.notice(id: id.uppercased()), identity.mayRead(notice) else {
            throw APIRefusal.noSuchNotice
        }
        return notice
    }

    func listNotices(_ identity: Identity) async throws -> Response {
        let notices = try await setup.store.notices().filter(identity.mayRead)
        return Responses.json(notices.map { NoticeJSON($0, zone: zone) })
    }

    func showNotice(_ id: String, _ identity: Identity) async throws -> Response {
        let notice = try await readable(id, identity)
        var json = NoticeJSON(notice, zone: zone)
        json.states = Dictionary(
            uniqueKeysWithValues: try await setup.store.messageCounts(notice: notice.id).map { ($0.key.rawValue, $0.value) })
        return Responses.json(json)
    }

    func createNotice(_ request: Request, _ identity: Identity) async throws -> Response {
        guard identity.maySend else { throw APIRefusal.forbidden("an \(identity.role.rawValue) cannot send notices") }
        let body = try await request.body.collect(upTo: 256 * 1024)
        let parsed: NoticeRequest
        do {
            parsed = try JSONDecoder().decode(NoticeRequest.self, from: Data(buffer: body))
        } catch {
            throw APIRefusal.badRequest("the body is not a notice: \(Self.describe(error))")
        }
        var draft: NoticeDraft
        do {
            draft = try parsed.draft(configuration: setup.configuration, createdBy: identity.actor, now: setup.now())
            draft.createdByToken = identity.tokenID
        } catch {
            throw APIRefusal.badRequest(error.description)
        }
        draft.audience = try await NameLookup.selectors(draft.audience, in: setup.store)
        if let refusal = identity.refusal(toTarget: draft.audience) { throw APIRefusal.forbidden(refusal) }
        if let refusal = try await SendPermission.refusal(draft, identity: identity, setup: setup) { throw APIRefusal.forbidden(refusal) }
        if let misfit = try await ZNSNoticeFit.refusal(draft, configuration: setup.configuration, store: setup.store) {
            throw APIRefusal.badRequest(misfit)
        }
        let notice = try await setup.store.createNotice(draft)
        return Responses.json(NoticeJSON(notice, zone: zone), status: .created)
    }

    func cancelNotice(_ id: String, _ identity: Identity) async throws -> Response {
        let notice = try await readable(id, identity)
        guard identity.mayChange(notice) else { throw APIRefusal.forbidden("this token may not cancel \(notice.id)") }
        let outcome = try await setup.store.cancelNotice(id: notice.id, actor: identity.actor)
        var json = NoticeJSON(outcome.notice, zone: zone)
        json.cancelledMessages = outcome.cancelledMessages
        return Responses.json(json)
    }

    func report(_ id: String, _ request: Request, _ identity: Identity) async throws -> Response {
        let notice = try await readable(id, identity)
        var grouping: ReachReport.Grouping?
        if let by = request.uri.queryParameters.get("by") {
            guard let parsed = ReachReport.Grouping(rawValue: by) else { throw APIRefusal.badRequest("by must be hamlet, group or channel") }
            grouping = parsed
        }
        let report = try await setup.store.report(notice: notice.id, by: grouping, reachTarget: setup.configuration.commune.reachTarget)
        return Responses.json(ReportJSON(report))
    }

    func unread(_ id: String, _ request: Request, _ identity: Identity) async throws -> Response {
        let notice = try await readable(id, identity)
        let query = request.uri.queryParameters
        let filter = UnreadFilter(
            notAcknowledged: ["1", "true", "yes"].contains(query.get("not_acked") ?? ""), hamlet: query.get("hamlet"))
        let entries = try await setup.store.unread(notice: notice.id, filter: filter)
        switch query.get("format") ?? "json" {
        case "json": return Responses.json(UnreadOutput.rows(entries))
        case "csv":
            var headers = HTTPFields()
            headers[.contentType] = "text/csv; charset=utf-8"
            headers[.contentDisposition] = "attachment; filename=\"unread-\(notice.id).csv\""
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: UnreadOutput.csv(entries))))
        default: throw APIRefusal.badRequest("format must be json or csv")
        }
    }

    struct AckBody: Decodable {
        let resident: String
        let via: String
    }

    func acknowledge(_ id: String, _ request: Request, _ context: LoaRequestContext, _ identity: Identity) async throws -> Response {
        let notice = try await readable(id, identity)
        guard identity.mayChange(notice) else { throw APIRefusal.forbidden("this token may not record acknowledgements for \(notice.id)") }
        let body: AckBody
        do {
            body = try JSONDecoder().decode(AckBody.self, from: Data(buffer: try await request.body.collect(upTo: context.maxUploadSize)))
        } catch {
            throw APIRefusal.badRequest("the body needs resident (a phone number) and via (in-person or phone-call)")
        }
        guard ["in-person", "phone-call"].contains(body.via) else { throw APIRefusal.badRequest("via must be in-person or phone-call") }
        guard let phone = try? PhoneNumber(parsing: body.resident) else { throw APIRefusal.badRequest("resident '\(body.resident)' is not a phone number") }
        guard let result = try await setup.store.acknowledge(notice: notice.id, phone: phone, via: body.via, actor: identity.actor, at: setup.now())
        else { throw APIRefusal(status: .notFound, message: "\(phone.national) was not targeted by \(notice.id)") }
        switch result {
        case .recorded: return Responses.json(["notice": notice.id, "resident": phone.e164, "via": body.via, "status": "recorded"])
        case .already: return Responses.json(["notice": notice.id, "resident": phone.e164, "via": body.via, "status": "already acknowledged"])
        case .closed(_, let state): throw APIRefusal(status: .conflict, message: "the message is \(state.rawValue)")
        }
    }

    struct AuditJSON: Encodable {
        let at: String
        let actor: String
        let action: String
        let subject: String
        @NullEncoded var detail: String?
    }

    /// The audit log, newest first (`?limit=`, at most 5000); admins only.
    func audit(_ request: Request, _ identity: Identity) async throws -> Response {
        guard identity.role == .admin else { throw APIRefusal.forbidden("only an admin reads the audit log") }
        let limit = min(5000, max(1, request.uri.queryParameters.get("limit").flatMap { Int($0) } ?? 200))
        let entries = try await setup.store.auditLog(limit: limit)
        return Responses.json(entries.map {
            AuditJSON(at: TimeText.iso($0.at, in: zone), actor: $0.actor, action: $0.action, subject: $0.subject, detail: $0.detail)
        })
    }

    func residents(_ request: Request, _ identity: Identity) async throws -> Response {
        guard identity.role == .admin else { throw APIRefusal.forbidden("only an admin reads the resident registry") }
        let query = request.uri.queryParameters
        let hamlet = try await query.get("hamlet").asyncMap { try await NameLookup.hamlet($0, in: setup.store) }
        let group = try await query.get("group").asyncMap { try await NameLookup.group($0, in: setup.store) }
        return Responses.json(try await setup.store.residents(hamlet: hamlet, group: group).map(ResidentJSON.init))
    }

    func importResidents(_ request: Request, _ context: LoaRequestContext, _ identity: Identity) async throws -> Response {
        guard identity.role == .admin else { throw APIRefusal.forbidden("only an admin imports residents") }
        let body = try await request.body.collect(upTo: 64 * 1024 * 1024)
        let parsed: ResidentCSVResult
        switch try await ResidentFile.parseOffPool(Array(buffer: body)) {
        case .success(let result): parsed = result
        case .failure(let error): throw APIRefusal.badRequest("\(error)")
        }
        let dryRun = ["1", "true", "yes"].contains(request.uri.queryParameters.get("dry_run") ?? "")
        let counts = try await setup.store.importResidents(
            parsed.residents, columns: parsed.columns, dryRun: dryRun, actor: identity.actor, progress: { _ in })
        return Responses.json(ImportReport(counts: counts, rejected: parsed.rejections, dryRun: dryRun))
    }

    static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context),
            DecodingError.dataCorrupted(let context):
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return (path.isEmpty ? "" : path + ": ") + context.debugDescription
        case DecodingError.keyNotFound(let key, _): return "\(key.stringValue) is missing"
        default: return "\(error)"
        }
    }
}

extension Optional {
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
