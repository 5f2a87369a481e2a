import Foundation
import Hummingbird
import LoaCore
import LoaStore

/// `GET /api/…` (SPEC §5): the CLI's JSON over HTTP. Until tokens and roles guard it, it
/// answers only requests from this machine.
enum APIRoutes {
    static func add(to router: Router<LoaRequestContext>, setup: ServerSetup) {
        let zone = setup.configuration.commune.timeZone
        let api = router.group("/api")
        api.get("/notices") { _, context in
            try await guarded(context, setup) {
                Responses.json(try await setup.store.notices().map { NoticeJSON($0, zone: zone) })
            }
        }
        api.get("/notices/:id") { _, context in
            try await guarded(context, setup) {
                guard let notice = try await setup.store.notice(id: try context.parameters.require("id")) else {
                    return Responses.error(.notFound, "no such notice")
                }
                var json = NoticeJSON(notice, zone: zone)
                json.states = Dictionary(
                    uniqueKeysWithValues: try await setup.store.messageCounts(notice: notice.id).map { ($0.key.rawValue, $0.value) })
                return Responses.json(json)
            }
        }
        api.get("/notices/:id/report") { request, context in
            try await guarded(context, setup) {
                let id = try context.parameters.require("id")
                guard try await setup.store.notice(id: id) != nil else { return Responses.error(.notFound, "no such notice") }
                var grouping: ReachReport.Grouping?
                if let by = request.uri.queryParameters.get("by") {
                    guard let parsed = ReachReport.Grouping(rawValue: by) else {
                        return Responses.error(.badRequest, "by must be hamlet, group or channel")
                    }
                    grouping = parsed
                }
                let report = try await setup.store.report(
                    notice: id, by: grouping, reachTarget: setup.configuration.commune.reachTarget)
                return Responses.json(ReportJSON(report))
            }
        }
        api.get("/notices/:id/unread") { request, context in
            try await guarded(context, setup) {
                let id = try context.parameters.require("id")
                guard try await setup.store.notice(id: id) != nil else { return Responses.error(.notFound, "no such notice") }
                let query = request.uri.queryParameters
                let filter = UnreadFilter(
                    notAcknowledged: ["1", "true", "yes"].contains(query.get("not_acked") ?? ""), hamlet: query.get("hamlet"))
                let entries = try await setup.store.unread(notice: id, filter: filter)
                switch query.get("format") ?? "json" {
                case "json": return Responses.json(UnreadOutput.rows(entries))
                case "csv":
                    var headers = HTTPFields()
                    headers[.contentType] = "text/csv; charset=utf-8"
                    headers[.contentDisposition] = "attachment; filename=\"unread-\(id).csv\""
                    return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: UnreadOutput.csv(entries))))
                default: return Responses.error(.badRequest, "format must be json or csv")
                }
            }
        }
    }

    private static func guarded(
        _ context: LoaRequestContext, _ setup: ServerSetup, _ body: () async throws -> Response
    ) async throws -> Response {
        guard setup.apiOpenToLoopback, context.isLoopback else {
            return Responses.error(.unauthorized, "the API answers only on this machine until tokens are set up")
        }
        do {
            return try await body()
        } catch let error as HTTPError {
            throw error
        } catch {
            setup.logger.error("api failed", metadata: ["error": "\(error)"])
            return Responses.error(.internalServerError, "internal error")
        }
    }
}
