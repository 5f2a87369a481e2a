import Hummingbird

/// The ZNS routes: the send endpoint, and the account calls `loa channels check` and `loa run`
/// make (gateways.md §1.4): `GET /template/info/v2` and `GET /message/quota`, both behind the
/// `access_token` header and answered HTTP 200 with Zalo's `error` field.
enum ZNSRoutes {
    static func add(to router: Router<BasicRequestContext>, pipeline: SendPipeline, engine: SimulatorEngine) {
        router.post(RouterPath(ZNSDialect.path)) { request, _ in
            await pipeline.respond(to: request, with: ZNSDialect())
        }
        router.get("/template/info/v2") { request, _ in
            let account = engine.options.zalo
            guard request.headers[.init("access_token")!] == account.accessToken else {
                return SendPipeline.json(.ok, ZNSCode.invalidAccessToken.body)
            }
            let id = request.uri.queryParameters.get("template_id") ?? ""
            guard let spec = account.templates[id] else { return SendPipeline.json(.ok, ZNSCode.invalidTemplate.body) }
            return SendPipeline.json(.ok, spec.info(id: id))
        }
        router.get("/message/quota") { request, _ in
            let account = engine.options.zalo
            guard request.headers[.init("access_token")!] == account.accessToken else {
                return SendPipeline.json(.ok, ZNSCode.invalidAccessToken.body)
            }
            let used = engine.state.znsQuotaUsed(day: SimulatorEngine.vietnamDay())
            var json = JSONWriter()
            json.add("error", 0)
            json.add("message", ZNSCode.success.message)
            // Numbers here, strings in the send reply (gateways.md §1.2 note).
            json.add("data") { data in
                data.add("dailyQuota", account.dailyQuota)
                data.add("remainingQuota", max(0, account.dailyQuota - used))
            }
            return SendPipeline.json(.ok, json.finished)
        }
    }
}
