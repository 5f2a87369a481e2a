import Foundation
import Hummingbird
import LoaChannels
import LoaCore
import LoaStore

/// Renders and handles the dashboard's pages.
struct DashboardPages: Sendable {
    let setup: ServerSetup
    let session: DashboardSession
    var zone: TimeZone { setup.configuration.commune.timeZone }

    static func language(_ request: Request) -> DashboardText {
        let query = request.uri.queryParameters.get("lang")
        let cookie = DashboardSession.cookies(request.headers[.cookie])["loa_lang"]
        return DashboardText(english: (query ?? cookie) == "en")
    }

    /// Finds the caller's server-side session from its cookie, checks a form's CSRF value (and that
    /// no other site posted it), runs `body`.
    /// A visitor without a session is sent to the sign-in page, or given `signedOut()` when there is one.
    func guarded(
        _ request: Request, form: Bool = false, upload: Int? = nil, signedOut: (() -> Response)? = nil,
        _ body: (DashboardRequest) async throws -> Response
    ) async -> Response {
        let text = Self.language(request)
        let cookies = DashboardSession.cookies(request.headers[.cookie])
        // Known once the session is: a refusal page then keeps the navigation.
        var signedIn: DashboardRequest?
        do {
            guard let id = cookies[session.cookieName], DashboardSession.isWellFormed(id),
                let found = try await setup.store.session(hash: DashboardSession.hash(id), at: setup.now(), idle: DashboardSession.idle)
            else {
                if let signedOut { return signedOut() }
                let next = FormEncoding.encode([("next", request.uri.path)])
                var response = Self.redirect("/login?" + next + (text.english ? "&lang=en" : ""))
                if cookies[session.cookieName] != nil { response.headers[.setCookie] = session.setCookie(session.cookieName, "", maxAge: 0) }
                return response
            }
            let csrf = DashboardSession.csrf(sessionID: id)
            var fields: [String: String] = [:]
            if form {
                let bytes = try await request.body.collect(upTo: 256 * 1024)
                for (name, value) in FormEncoding.decode(Array(buffer: bytes)) where fields[name] == nil { fields[name] = value }
                guard let sent = fields["csrf"], ConstantTime.equal(sent, csrf), session.origins.allows(request, required: false) else {
                    return message(text, title: text["forbidden"], status: .forbidden)
                }
            }
            // `upload` (a byte limit): a multipart form with files, its `csrf` field checked the same way.
            var files: [String: DashboardUpload] = [:]
            if let upload {
                (fields, files) = try await DashboardUpload.read(request, limit: upload)
                guard let sent = fields["csrf"], ConstantTime.equal(sent, csrf), session.origins.allows(request, required: false) else {
                    return message(text, title: text["forbidden"], status: .forbidden)
                }
            }
            var query: [String: String] = [:]
            // Read as a form (a GET form sends a space as `+`); the first of a repeated name wins.
            for (name, value) in FormEncoding.decode(request.uri.query ?? "") where query[name] == nil { query[name] = value }
            let identity = Identity(found.token)
            var person: String?
            if identity.isAccount, let tokenID = identity.tokenID {
                person = try await setup.store.account(tokenID: tokenID)?.name
            }
            let context = DashboardRequest(
                identity: identity, text: text, csrf: csrf, sessionHash: found.session.hash, query: query, form: fields,
                path: request.uri.path, files: files, person: person)
            signedIn = context
            var response = try await body(context)
            if let lang = request.uri.queryParameters.get("lang") {
                response.headers[.setCookie] = "loa_lang=\(lang == "en" ? "en" : "vi"); Path=/; SameSite=Strict"
            }
            return response
        } catch let refusal as DashboardRefusal {
            return message(text, title: text[refusal.key], status: refusal.status, signedIn: signedIn)
        } catch {
            let reference = ErrorReference.log(error, "dashboard failed", logger: setup.logger)
            return message(
                text, title: text["error.reference"], message: reference.vietnamese, status: .internalServerError, signedIn: signedIn)
        }
    }
}
