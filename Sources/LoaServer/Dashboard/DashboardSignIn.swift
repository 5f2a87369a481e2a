import Foundation
import Hummingbird
import LoaChannels
import LoaStore

extension DashboardPages {
    /// The sign-in page. Its form carries a random value that must come back both as the form's
    /// `csrf` field and as the sign-in cookie, so a page on another site cannot sign a browser in.
    func login(_ request: Request, failed: Bool, nonce known: String? = nil) -> Response {
        let text = Self.language(request)
        let cookie = DashboardSession.cookies(request.headers[.cookie])[session.loginCookieName]
        let nonce = known ?? cookie.flatMap { DashboardSession.isWellFormed($0, length: 32) ? $0 : nil } ?? DashboardSession.newID(bytes: 16)
        let next = SignInTarget.path(request.uri.queryParameters.get("next").map { String($0) })
        let body = """
            <h1>\(text["login"])</h1>
            \(failed ? "<p class=warn>\(text["login.bad"])</p>" : "")
            <form method="post" action="/login">
            <input type="hidden" name="csrf" value="\(nonce)">
            <input type="hidden" name="next" value="\(HTML.escape(next))">
            <label>\(text["token"])<br><input name="token" type="password" autocomplete="off" size="40" required></label>
            <p><button type="submit">\(text["login"])</button></p>
            </form>
            <p class=muted>\(text["login.help"])</p>
            """
        var response = page(text, title: text["login"], body: body, status: failed ? .unauthorized : .ok)
        if nonce != cookie {
            response.headers[.setCookie] = session.setCookie(session.loginCookieName, nonce, maxAge: DashboardSession.loginLifetime)
        }
        return response
    }

    /// Checks where the form came from and its CSRF value, then the token; starts a server-side
    /// session and sends the browser back to a page of this site.
    func signIn(_ request: Request) async -> Response {
        let text = Self.language(request)
        let bytes = (try? await request.body.collect(upTo: 16 * 1024)).map { Array(buffer: $0) } ?? []
        let fields = FormEncoding.decode(bytes)
        let cookies = DashboardSession.cookies(request.headers[.cookie])
        let nonce = cookies[session.loginCookieName] ?? ""
        let sent = fields.first { $0.name == "csrf" }?.value ?? ""
        guard session.origins.allows(request, required: true), !nonce.isEmpty, ConstantTime.equal(sent, nonce) else {
            // Another site's page, or a form whose page this browser never loaded: nothing is checked further.
            return page(text, title: text["login"], body: "<p class=warn>\(text["login.forged"])</p><p><a href=\"/login\">\(text["login"])</a></p>", status: .forbidden)
        }
        let token = fields.first { $0.name == "token" }?.value.trimmingCharacters(in: .whitespaces) ?? ""
        let now = setup.now()
        guard !token.isEmpty, let record = try? await setup.store.token(hash: APIToken.hash(token), at: now), let tokenID = record.id else {
            return login(request, failed: true, nonce: nonce)
        }
        let id = DashboardSession.newID()
        do {
            if let old = cookies[session.cookieName], DashboardSession.isWellFormed(old) {
                try await setup.store.deleteSession(hash: DashboardSession.hash(old))
            }
            try await setup.store.createSession(
                SessionRecord(hash: DashboardSession.hash(id), tokenID: tokenID, createdAt: now, expiresAt: now + DashboardSession.lifetime))
        } catch {
            let reference = ErrorReference.log(error, "dashboard sign-in failed", logger: setup.logger)
            return page(text, title: "500", body: "<p>\(HTML.escape(reference.vietnamese))</p>", status: .internalServerError)
        }
        var response = Self.redirect(SignInTarget.path(fields.first { $0.name == "next" }?.value))
        response.headers[values: .setCookie] = [
            session.setCookie(session.cookieName, id, maxAge: DashboardSession.lifetime),
            session.setCookie(session.loginCookieName, "", maxAge: 0),
        ]
        return response
    }

    /// Ends the session on the server and in the browser.
    func signOut(_ request: DashboardRequest) async throws -> Response {
        try await setup.store.deleteSession(hash: request.sessionHash)
        var response = Self.redirect("/login")
        response.headers[.setCookie] = session.setCookie(session.cookieName, "", maxAge: 0)
        return response
    }
}
