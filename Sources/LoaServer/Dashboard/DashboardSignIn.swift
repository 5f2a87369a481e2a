import Foundation
import Hummingbird
import LoaChannels
import LoaStore

extension DashboardPages {
    /// The sign-in page: phone and password, a one-time code by text, and (folded away) an API
    /// token. Its forms carry a random value that must come back both as the form's `csrf` field and
    /// as the sign-in cookie, so a page on another site cannot sign a browser in.
    func login(_ request: Request, failed: Bool, nonce known: String? = nil) -> Response {
        loginPage(request, problem: failed ? "login.bad" : nil, nonce: known, tokenOpen: failed, status: failed ? .unauthorized : .ok)
    }

    /// The sign-in page with `problem` (a words key) and other `values` shown, answered with `status`.
    func loginPage(
        _ request: Request, problem: String? = nil, nonce known: String? = nil, tokenOpen: Bool = false, _ values: [String: Any] = [:],
        status: HTTPResponse.Status = .ok
    ) -> Response {
        let text = Self.language(request)
        let cookie = DashboardSession.cookies(request.headers[.cookie])[session.loginCookieName]
        let nonce = known ?? cookie.flatMap { DashboardSession.isWellFormed($0, length: 32) ? $0 : nil } ?? DashboardSession.newID(bytes: 16)
        var context = values
        context["csrf"] = nonce
        if context["next"] == nil { context["next"] = SignInTarget.path(request.uri.queryParameters.get("next").map { String($0) }) }
        if let problem { context["problem"] = text[problem] }
        context["tokenOpen"] = tokenOpen
        var response = render(text, "accounts/login", title: text["login"], context, status: status)
        if nonce != cookie {
            response.headers[.setCookie] = session.setCookie(session.loginCookieName, nonce, maxAge: DashboardSession.loginLifetime)
        }
        return response
    }

    /// The fields of a sign-in form, or a 403 page when it came from another site or from a page
    /// this browser never loaded (its CSRF value is not the sign-in cookie's): nothing is checked further.
    func signInForm(_ request: Request) async -> Result<(fields: [String: String], nonce: String), SignInRefusal> {
        let text = Self.language(request)
        let bytes = (try? await request.body.collect(upTo: 16 * 1024)).map { Array(buffer: $0) } ?? []
        var fields: [String: String] = [:]
        for (name, value) in FormEncoding.decode(bytes) where fields[name] == nil { fields[name] = value }
        let nonce = DashboardSession.cookies(request.headers[.cookie])[session.loginCookieName] ?? ""
        guard session.origins.allows(request, required: true), !nonce.isEmpty, ConstantTime.equal(fields["csrf"] ?? "", nonce) else {
            let login = (text.english ? "/login?lang=en" : "/login", text["login"])
            return .failure(
                SignInRefusal(response: message(text, title: text["login"], message: text["login.forged"], status: .forbidden, link: login)))
        }
        return .success((fields, nonce))
    }

    /// The token sign-in of a form `signInForm` checked (where it came from, its CSRF value):
    /// starts a server-side session and sends the browser back to a page of this site.
    func tokenSignIn(_ request: Request, _ form: (fields: [String: String], nonce: String)) async -> Response {
        let token = form.fields["token"]?.trimmingCharacters(in: .whitespaces) ?? ""
        guard !token.isEmpty, let record = try? await setup.store.token(hash: APIToken.hash(token), at: setup.now()), let tokenID = record.id
        else {
            return login(request, failed: true, nonce: form.nonce)
        }
        return await startSession(request, tokenID: tokenID, next: form.fields["next"])
    }

    /// Starts a server-side session for `tokenID` (ending the browser's earlier one) and sends the
    /// browser on to `next` if it is a page of this site.
    func startSession(_ request: Request, tokenID: Int64, next: String?) async -> Response {
        let now = setup.now()
        let cookies = DashboardSession.cookies(request.headers[.cookie])
        let id = DashboardSession.newID()
        do {
            if let old = cookies[session.cookieName], DashboardSession.isWellFormed(old) {
                try await setup.store.deleteSession(hash: DashboardSession.hash(old))
            }
            try await setup.store.createSession(
                SessionRecord(hash: DashboardSession.hash(id), tokenID: tokenID, createdAt: now, expiresAt: now + DashboardSession.lifetime))
        } catch {
            let reference = ErrorReference.log(error, "dashboard sign-in failed", logger: setup.logger)
            return message(Self.language(request), title: "500", message: reference.vietnamese, status: .internalServerError)
        }
        var response = Self.redirect(SignInTarget.path(next))
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

/// A sign-in form refused before any credential was looked at, with the page that says so.
struct SignInRefusal: Error {
    let response: Response
}
