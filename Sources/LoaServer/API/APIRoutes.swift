import Foundation
import Hummingbird
import LoaCore
import LoaStore

/// `/api/…` (SPEC §5): the CLI's JSON over HTTP behind `Authorization: Bearer TOKEN`.
/// No or unknown token: 401; a role or scope that does not allow the request: 403, nothing changes.
enum APIRoutes {
    static func add(to router: Router<LoaRequestContext>, setup: ServerSetup) {
        let api = APIHandlers(setup: setup)
        let group = router.group("/api")
        group.get("/notices") { request, context in try await api.run(request, context) { try await api.listNotices($0) } }
        group.post("/notices") { request, context in try await api.run(request, context) { try await api.createNotice(request, $0) } }
        group.get("/notices/:id") { request, context in
            try await api.run(request, context) { try await api.showNotice(try context.parameters.require("id"), $0) }
        }
        group.post("/notices/:id/cancel") { request, context in
            try await api.run(request, context) { try await api.cancelNotice(try context.parameters.require("id"), $0) }
        }
        group.get("/notices/:id/report") { request, context in
            try await api.run(request, context) { try await api.report(try context.parameters.require("id"), request, $0) }
        }
        group.get("/notices/:id/unread") { request, context in
            try await api.run(request, context) { try await api.unread(try context.parameters.require("id"), request, $0) }
        }
        group.post("/notices/:id/ack") { request, context in
            try await api.run(request, context) { try await api.acknowledge(try context.parameters.require("id"), request, context, $0) }
        }
        group.get("/audit") { request, context in try await api.run(request, context) { try await api.audit(request, $0) } }
        group.get("/residents") { request, context in try await api.run(request, context) { try await api.residents(request, $0) } }
        group.post("/residents/import") { request, context in
            try await api.run(request, context) { try await api.importResidents(request, context, $0) }
        }
    }
}

/// A refusal with its HTTP status; nothing was changed.
struct APIRefusal: Error {
    let status: HTTPResponse.Status
    let message: String

    static func forbidden(_ message: String) -> APIRefusal { APIRefusal(status: .forbidden, message: message) }
    static func badRequest(_ message: String) -> APIRefusal { APIRefusal(status: .badRequest, message: message) }
    static let noSuchNotice = APIRefusal(status: .notFound, message: "no such notice")
}
