import Foundation
import Hummingbird
import LoaCore
import LoaStore

/// The accounts pages (admins only): list, create, edit, set a password, disable and enable.
struct AccountPages: Sendable {
    let pages: DashboardPages
    var store: any Store { pages.setup.store }
    var zone: TimeZone { pages.zone }

    /// Refuses anyone but an admin.
    static func requireAdmin(_ request: DashboardRequest) throws {
        guard request.identity.role == .admin else { throw DashboardRefusal(status: .forbidden, key: "forbidden") }
    }

    /// `GET /accounts`.
    func list(_ request: DashboardRequest) async throws -> Response {
        try Self.requireAdmin(request)
        let text = request.text
        let rows: [[String: Any]] = try await store.accounts().map { account in
            [
                "id": String(account.id ?? 0), "name": account.name, "phone": account.phone.national,
                "role": text["acc.role." + account.role.rawValue], "scopes": account.scopes.map(\.description).joined(separator: ", "),
                "disabled": account.disabledAt != nil, "created": TimeText.short(account.createdAt, in: zone),
                "noPassword": account.passwordHash == nil,
            ]
        }
        return pages.render(request, "accounts/list", title: text["acc.title"], ["accounts": rows, "hasAccounts": !rows.isEmpty])
    }

    /// `GET /accounts/new`, or the form again with `problem` (a words key) and the values posted.
    func new(_ request: DashboardRequest, form: AccountForm? = nil, problem: String? = nil) async throws -> Response {
        try Self.requireAdmin(request)
        let text = request.text
        let form = form ?? AccountForm(["role": "sender"])
        var values = form.choices(hamlets: try await store.hamlets(), groups: try await store.groups(), text: text)
        values["problem"] = problem.map { text[$0] }
        values["action"] = "/accounts"
        values["isNew"] = true
        return pages.render(request, "accounts/form", title: text["acc.new"], values, status: problem == nil ? .ok : .badRequest)
    }

    /// `POST /accounts`: the account, with the password typed or one generated and shown once.
    func create(_ request: DashboardRequest) async throws -> Response {
        try Self.requireAdmin(request)
        let form = AccountForm(request.form)
        if let problem = form.problem(hamlets: try await store.hamlets(), groups: try await store.groups()) {
            return try await new(request, form: form, problem: problem)
        }
        guard let phone = try? PhoneNumber(parsing: form.phoneText) else { return try await new(request, form: form, problem: "acc.phone.bad") }
        let typed = request.form["password"] ?? ""
        let password = typed.isEmpty ? Passwords.generate() : typed
        if let problem = Passwords.problem(password, phone: phone) { return try await new(request, form: form, problem: problem) }
        let hash = try await Passwords.hash(password)
        guard let role = form.role else { return try await new(request, form: form, problem: "acc.role.bad") }
        let account = AccountRecord(
            phone: phone, name: form.name, passwordHash: hash, role: role, scopes: form.scopes, createdAt: pages.setup.now())
        let created: AccountRecord
        do {
            created = try await store.createAccount(account, tokenHash: Passwords.unusableTokenHash(), actor: request.identity.actor)
        } catch let error as StoreError where error.kind == .conflict {
            return try await new(request, form: form, problem: "acc.phone.taken")
        }
        guard typed.isEmpty else { return DashboardPages.redirect("/accounts/\(created.id ?? 0)") }
        return shownOnce(request, created, password: password)
    }

    /// The page that shows a generated password once; it is kept nowhere but in the hash.
    func shownOnce(_ request: DashboardRequest, _ account: AccountRecord, password: String) -> Response {
        var response = pages.render(
            request, "accounts/password", title: request.text["acc.pw.generated"],
            ["name": account.name, "phone": account.phone.national, "password": password, "id": String(account.id ?? 0)])
        response.headers[.cacheControl] = "no-store"
        return response
    }

    /// `GET /accounts/:id`.
    func edit(_ id: String, _ request: DashboardRequest, form: AccountForm? = nil, problem: String? = nil) async throws -> Response {
        try Self.requireAdmin(request)
        let text = request.text
        let account = try await found(id)
        var values = (form ?? AccountForm(account)).choices(hamlets: try await store.hamlets(), groups: try await store.groups(), text: text)
        values["problem"] = problem.map { text[$0] }
        values["action"] = "/accounts/\(account.id ?? 0)"
        values["id"] = String(account.id ?? 0)
        values["phone"] = account.phone.national
        values["disabled"] = account.disabledAt != nil
        values["self"] = account.tokenID == request.identity.tokenID
        values["saved"] = request.query["saved"].map { text["acc.saved." + $0] }
        return pages.render(request, "accounts/form", title: account.name, values, status: problem == nil ? .ok : .badRequest)
    }

    /// `POST /accounts/:id`: name, role and scopes.
    func update(_ id: String, _ request: DashboardRequest) async throws -> Response {
        try Self.requireAdmin(request)
        let account = try await found(id)
        var form = AccountForm(request.form)
        form.phoneText = account.phone.national
        if let problem = form.problem(hamlets: try await store.hamlets(), groups: try await store.groups()) {
            return try await edit(id, request, form: form, problem: problem)
        }
        guard let role = form.role, let accountID = account.id else { return try await edit(id, request, form: form, problem: "acc.role.bad") }
        if account.tokenID == request.identity.tokenID, role != .admin { return try await edit(id, request, form: form, problem: "acc.self") }
        _ = try await store.updateAccount(
            id: accountID, name: form.name, role: role, scopes: form.scopes, actor: request.identity.actor, at: pages.setup.now())
        return DashboardPages.redirect("/accounts/\(accountID)?saved=details")
    }

    /// `POST /accounts/:id/password`: the password typed, or (`generate`) a new one shown once.
    func setPassword(_ id: String, _ request: DashboardRequest) async throws -> Response {
        try Self.requireAdmin(request)
        let account = try await found(id)
        guard let accountID = account.id else { throw DashboardRefusal(status: .notFound, key: "notfound") }
        let generate = request.form["generate"] != nil
        let password = generate ? Passwords.generate() : request.form["password"] ?? ""
        if let problem = Passwords.problem(password, phone: account.phone) { return try await edit(id, request, problem: problem) }
        try await store.setPassword(id: accountID, hash: try await Passwords.hash(password), actor: request.identity.actor, at: pages.setup.now())
        return generate ? shownOnce(request, account, password: password) : DashboardPages.redirect("/accounts/\(accountID)?saved=password")
    }

    /// `POST /accounts/:id/disable`: ends the account's sessions at once; an admin cannot disable themselves.
    func disable(_ id: String, _ request: DashboardRequest) async throws -> Response {
        try Self.requireAdmin(request)
        let account = try await found(id)
        guard let accountID = account.id else { throw DashboardRefusal(status: .notFound, key: "notfound") }
        if account.tokenID == request.identity.tokenID { return try await edit(id, request, problem: "acc.self") }
        _ = try await store.disableAccount(id: accountID, actor: request.identity.actor, at: pages.setup.now())
        return DashboardPages.redirect("/accounts/\(accountID)?saved=disabled")
    }

    /// `POST /accounts/:id/enable`.
    func enable(_ id: String, _ request: DashboardRequest) async throws -> Response {
        try Self.requireAdmin(request)
        let account = try await found(id)
        guard let accountID = account.id else { throw DashboardRefusal(status: .notFound, key: "notfound") }
        _ = try await store.enableAccount(id: accountID, actor: request.identity.actor, at: pages.setup.now())
        return DashboardPages.redirect("/accounts/\(accountID)?saved=enabled")
    }

    private func found(_ id: String) async throws -> AccountRecord {
        guard let number = Int64(id), let account = try await store.account(id: number) else {
            throw DashboardRefusal(status: .notFound, key: "notfound")
        }
        return account
    }
}
