import Hummingbird
import LoaStore

extension AccountPages {
    /// `GET /account`: the signed-in person's own account and a form to change their password.
    func own(_ request: DashboardRequest, problem: String? = nil) async throws -> Response {
        let text = request.text
        guard let tokenID = request.identity.tokenID, let account = try await store.account(tokenID: tokenID) else {
            throw DashboardRefusal(status: .notFound, key: "acc.own.none")
        }
        var values: [String: Any] = [
            "name": account.name, "phone": account.phone.national, "role": text["acc.role." + account.role.rawValue],
            "scopes": account.scopes.map(\.description).joined(separator: ", "), "hasScopes": !account.scopes.isEmpty,
            "saved": request.query["saved"] != nil,
        ]
        values["problem"] = problem.map { text[$0] }
        return pages.render(request, "accounts/own", title: text["acc.own"], values, status: problem == nil ? .ok : .badRequest)
    }

    /// `POST /account/password`: a new password, given the current one (checked like a sign-in).
    func changeOwn(_ request: DashboardRequest, limits: SignInLimits) async throws -> Response {
        guard let tokenID = request.identity.tokenID, let account = try await store.account(tokenID: tokenID), let id = account.id else {
            throw DashboardRefusal(status: .notFound, key: "acc.own.none")
        }
        let now = pages.setup.now()
        if limits.perAccount.wait(account.phone.e164, now: now) != nil { return try await own(request, problem: "acc.limited.short") }
        guard try await Passwords.verify(request.form["current"] ?? "", hash: account.passwordHash) else {
            limits.perAccount.fail(account.phone.e164, now: now)
            return try await own(request, problem: "acc.pw.current")
        }
        let password = request.form["password"] ?? ""
        guard password == request.form["again"] else { return try await own(request, problem: "acc.pw.again") }
        if let problem = Passwords.problem(password, phone: account.phone) { return try await own(request, problem: problem) }
        try await store.setPassword(id: id, hash: try await Passwords.hash(password), actor: request.identity.actor, at: now)
        return DashboardPages.redirect("/account?saved=1")
    }
}
