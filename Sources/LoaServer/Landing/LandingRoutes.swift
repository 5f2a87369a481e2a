import Hummingbird

/// The public routes beside the dashboard: Zalo's verification file (the landing page at `/`
/// is answered by ``DashboardRoutes`` for visitors without a session).
enum LandingRoutes {
    static func add(to router: Router<LoaRequestContext>, setup: ServerSetup) {
        guard let code = setup.configuration.server.zaloSiteVerification else { return }
        let logger = setup.logger
        router.get(RouterPath(ZaloVerificationFile.path(code: code))) { _, _ in
            ZaloVerificationFile.response(code: code, logger: logger)
        }
        router.head(RouterPath(ZaloVerificationFile.path(code: code))) { _, _ in
            ZaloVerificationFile.response(code: code, head: true, logger: logger)
        }
    }
}
