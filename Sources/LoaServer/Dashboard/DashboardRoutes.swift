import Foundation
import Hummingbird
import LoaCore
import LoaStore

/// The staff dashboard at `/` (SPEC §5): server-rendered Vietnamese pages (English with `?lang=en`),
/// token sign-in with server-side sessions, no scripts and nothing loaded from elsewhere. The same roles as the API apply.
enum DashboardRoutes {
    static func add(to router: Router<LoaRequestContext>, setup: ServerSetup) {
        let pages = DashboardPages(setup: setup, session: DashboardSession(configuration: setup.configuration))
        // `/` is public (issue 17 §2): Zalo's domain verification reads its meta tag there.
        let landing = LandingPage(setup: setup)
        router.get("/") { request, _ in
            let signedOut = { () -> Response in
                landing.response(
                    english: DashboardPages.language(request).english, authorizationCode: request.uri.queryParameters.get("code").map { String($0) })
            }
            return await pages.guarded(request, signedOut: signedOut) {
                // A volunteer's only page is their hamlet's door-to-door list.
                $0.identity.role == .volunteer ? DashboardPages.redirect("/follow-up") : try await pages.list($0)
            }
        }
        router.get("/login") { request, _ in pages.login(request, failed: false) }
        router.post("/logout") { request, _ in await pages.guarded(request, form: true) { try await pages.signOut($0) } }
        router.get("/audit") { request, _ in await pages.guarded(request) { try await pages.audit($0) } }
        router.get("/notices/new") { request, _ in await pages.guarded(request) { try await pages.form($0, values: [:], note: nil) } }
        router.post("/notices") { request, _ in await pages.guarded(request, form: true) { try await pages.submit($0) } }
        router.get("/notices/:id") { request, context in
            await pages.guarded(request) { try await pages.notice(try context.parameters.require("id"), $0) }
        }
        router.get("/notices/:id/unread") { request, context in
            await pages.guarded(request) { try await pages.unread(try context.parameters.require("id"), $0) }
        }
        router.get("/notices/:id/unread.csv") { request, context in
            await pages.guarded(request) { try await pages.unreadCSV(try context.parameters.require("id"), $0) }
        }
        router.get("/notices/:id/sheet") { request, context in
            await pages.guarded(request) { try await pages.sheet(try context.parameters.require("id"), $0) }
        }
        router.post("/notices/:id/cancel") { request, context in
            await pages.guarded(request, form: true) { try await pages.cancel(try context.parameters.require("id"), $0) }
        }
        AccountRoutes.add(to: router, pages: pages)
        RegistryRoutes.add(to: router, pages: pages)
        ImportRoutes.add(to: router, pages: pages)
        FollowUpRoutes.add(to: router, pages: pages)
    }
}

/// What every dashboard page knows about its request.
struct DashboardRequest: Sendable {
    let identity: Identity
    let text: DashboardText
    let csrf: String
    /// The store's key for this session (the hash of the cookie's id), for sign-out.
    let sessionHash: String
    let query: [String: String]
    let form: [String: String]
    let path: String
    /// Files of a multipart form, by field name (`guarded(upload:)`).
    var files: [String: DashboardUpload] = [:]
    /// The signed-in person's name when they signed in with a staff account (nil for an API token).
    var person: String?
}

/// A page that cannot be shown, with its status.
struct DashboardRefusal: Error {
    let status: HTTPResponse.Status
    let key: String
}
