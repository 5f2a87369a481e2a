import Hummingbird

/// The OA routes: the two send endpoints, the OA profile `GET /v2.0/oa/getoa` that
/// `loa channels check` reads, and the OAuth token endpoint that shares their tokens.
enum ZaloOARoutes {
    static func add(to router: Router<BasicRequestContext>, pipeline: SendPipeline, engine: SimulatorEngine) {
        let tokens = ZaloTokenIssuer(account: engine.options.zaloOA, dice: engine.dice)
        router.post(RouterPath(OADialect.path)) { request, _ in
            await pipeline.respond(to: request, with: OADialect(tokens: tokens))
        }
        router.post(RouterPath(OADialect.templatePath)) { request, _ in
            await pipeline.respond(to: request, with: OADialect(tokens: tokens, template: true))
        }
        router.get("/v2.0/oa/getoa") { request, _ in
            let account = engine.options.zaloOA
            guard tokens.accepts(request.headers[.init("access_token")!]) else {
                return SendPipeline.json(.ok, OACode.invalidAccessToken.reply().body)
            }
            var json = JSONWriter()
            json.add("data") { data in
                data.add("oa_id", account.oaID)
                data.add("name", account.name)
                data.add("num_follower", 1200)
            }
            json.add("error", 0)
            json.add("message", OACode.success.message)
            return SendPipeline.json(.ok, json.finished)
        }
        router.post(RouterPath(ZaloTokenIssuer.path)) { request, _ in
            await tokens.respond(to: request)
        }
    }
}
