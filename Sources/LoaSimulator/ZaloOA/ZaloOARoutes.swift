import Hummingbird

/// The OA routes: the send endpoint and the OAuth token endpoint that shares its tokens.
enum ZaloOARoutes {
    static func add(to router: Router<BasicRequestContext>, pipeline: SendPipeline, engine: SimulatorEngine) {
        let tokens = ZaloTokenIssuer(account: engine.options.zaloOA, dice: engine.dice)
        router.post(RouterPath(OADialect.path)) { request, _ in
            await pipeline.respond(to: request, with: OADialect(tokens: tokens))
        }
        router.post(RouterPath(ZaloTokenIssuer.path)) { request, _ in
            await tokens.respond(to: request)
        }
    }
}
