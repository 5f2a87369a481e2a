import Hummingbird

/// The dashboard's routes for staff accounts: sign-in by phone, one-time codes, the accounts pages.
enum AccountRoutes {
    static func add(to router: Router<LoaRequestContext>, pages: DashboardPages) {
        let limits = SignInLimits()
        let signIn = AccountSignIn(pages: pages, limits: limits, messenger: StaffMessenger(setup: pages.setup))
        let accounts = AccountPages(pages: pages)
        router.post("/login") { request, context in
            await signIn.either(request, client: RateLimits<LoaRequestContext>.client(request, context))
        }
        router.post("/login/password") { request, context in
            await signIn.password(request, client: RateLimits<LoaRequestContext>.client(request, context))
        }
        router.post("/login/code") { request, context in
            await signIn.requestCode(request, client: RateLimits<LoaRequestContext>.client(request, context))
        }
        router.post("/login/code/verify") { request, context in
            await signIn.verifyCode(request, client: RateLimits<LoaRequestContext>.client(request, context))
        }
        router.get("/account") { request, _ in await pages.guarded(request) { try await accounts.own($0) } }
        router.post("/account/password") { request, _ in
            await pages.guarded(request, form: true) { try await accounts.changeOwn($0, limits: limits) }
        }
        router.get("/accounts") { request, _ in await pages.guarded(request) { try await accounts.list($0) } }
        router.get("/accounts/new") { request, _ in await pages.guarded(request) { try await accounts.new($0) } }
        router.post("/accounts") { request, _ in await pages.guarded(request, form: true) { try await accounts.create($0) } }
        router.get("/accounts/:id") { request, context in
            await pages.guarded(request) { try await accounts.edit(try context.parameters.require("id"), $0) }
        }
        router.post("/accounts/:id") { request, context in
            await pages.guarded(request, form: true) { try await accounts.update(try context.parameters.require("id"), $0) }
        }
        router.post("/accounts/:id/password") { request, context in
            await pages.guarded(request, form: true) { try await accounts.setPassword(try context.parameters.require("id"), $0) }
        }
        router.post("/accounts/:id/disable") { request, context in
            await pages.guarded(request, form: true) { try await accounts.disable(try context.parameters.require("id"), $0) }
        }
        router.post("/accounts/:id/enable") { request, context in
            await pages.guarded(request, form: true) { try await accounts.enable(try context.parameters.require("id"), $0) }
        }
    }
}
