import Foundation
import Hummingbird

/// The simulator's routes: one send endpoint per dialect plus the `/_sim/` inspection endpoints.
enum SimulatorRouter {
    static func make(engine: SimulatorEngine) -> Router<BasicRequestContext> {
        let router = Router()
        let pipeline = SendPipeline(engine: engine)
        ZNSRoutes.add(to: router, pipeline: pipeline, engine: engine)
        ZaloOARoutes.add(to: router, pipeline: pipeline, engine: engine)
        router.post(RouterPath(ESMSDialect.path)) { request, _ in
            await pipeline.respond(to: request, with: ESMSDialect())
        }
        ESMSBalance.add(to: router, engine: engine)
        SpeedSMSUserInfo.add(to: router, engine: engine)
        TwilioAccountRoutes.add(to: router, engine: engine)
        router.post(RouterPath(SpeedSMSDialect.path)) { request, _ in
            await pipeline.respond(to: request, with: SpeedSMSDialect())
        }
        router.post(RouterPath(TwilioDialect.path)) { request, context in
            await pipeline.respond(to: request, with: TwilioDialect(pathAccountSID: context.parameters.get("sid") ?? ""))
        }
        router.get(RouterPath(KannelDialect.path)) { request, _ in
            await KannelDialect.respond(to: request, pipeline: pipeline)
        }
        router.post("/webhook/**") { request, _ in
            await pipeline.respond(to: request, with: WebhookDialect())
        }
        // A receiver that is there answers HEAD without taking anything (`loa channels check`).
        router.head("/webhook/**") { _, _ in Response(status: .ok) }
        addInspection(to: router, state: engine.state)
        return router
    }

    /// `GET /_sim/stats` (`?keys=0` leaves out the idempotency keys), `POST /_sim/reset` and
    /// `GET /_sim/health`, for tests and tools in other processes.
    private static func addInspection(to router: Router<BasicRequestContext>, state: SimulatorState) {
        router.get("/_sim/stats") { request, _ in
            let keys = request.uri.queryParameters.get("keys").map { !["0", "false", "no"].contains($0) } ?? true
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            let body = (try? encoder.encode(state.snapshot(includeKeys: keys))) ?? Data("{}".utf8)
            return SendPipeline.json(.ok, Array(body))
        }
        router.post("/_sim/reset") { _, _ in
            state.reset()
            var json = JSONWriter()
            json.add("status", "reset")
            return SendPipeline.json(.ok, json.finished)
        }
        router.get("/_sim/health") { _, _ in
            var json = JSONWriter()
            json.add("status", "ok")
            return SendPipeline.json(.ok, json.finished)
        }
    }
}
