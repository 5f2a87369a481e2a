import Foundation
import Hummingbird

/// `GET /metrics` and `GET /healthz` (SPEC §5), each from a cache refreshed at most every few
/// seconds. Metrics are for this machine (a loopback client that no proxy forwarded) or a bearer
/// token of an admin or auditor; health says `ok` or a problem word, never an error's text.
enum StatusRoutes {
    static let refresh: Duration = .seconds(5)

    static func add(to router: Router<LoaRequestContext>, setup: ServerSetup) {
        let metrics = Cached<String?>(every: refresh) {
            do {
                return try await setup.metrics.render(store: setup.store, dispatch: setup.dispatchTotals(), now: setup.now())
            } catch {
                _ = ErrorReference.log(error, "metrics failed", logger: setup.logger)
                return nil
            }
        }
        let health = Cached<[String: String]>(every: refresh) { await report(setup) }
        let api = APIHandlers(setup: setup)
        router.get("/healthz") { _, _ in
            let report = await health.value()
            return Responses.json(report, status: report["status"] == "ok" ? .ok : .serviceUnavailable)
        }
        router.get("/metrics") { request, context in
            if isLocal(request, context) { return await metricsResponse(metrics) }
            return try await api.run(request, context) { identity in
                guard identity.role == .admin || identity.role == .auditor else {
                    throw APIRefusal.forbidden("metrics are for admins and auditors")
                }
                return await metricsResponse(metrics)
            }
        }
    }

    /// A client on this machine that no reverse proxy forwarded.
    static func isLocal(_ request: Request, _ context: LoaRequestContext) -> Bool {
        let peer = context.remoteAddress?.ipAddress
        return (peer == "127.0.0.1" || peer == "::1") && request.headers[.init("X-Real-IP")!] == nil
            && request.headers[.init("X-Forwarded-For")!] == nil && request.headers[.init("Forwarded")!] == nil
    }

    private static func metricsResponse(_ metrics: Cached<String?>) async -> Response {
        guard let text = await metrics.value() else { return Responses.text(.serviceUnavailable, "metrics unavailable") }
        var headers = HTTPFields()
        headers[.contentType] = "text/plain; version=0.0.4; charset=utf-8"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// `{"status": "ok"|"degraded", "database": "ok"|"unavailable", "channel.NAME": "ok"|"degraded"|"quota_exhausted"}`.
    private static func report(_ setup: ServerSetup) async -> [String: String] {
        var report: [String: String] = [:]
        var healthy = true
        do {
            _ = try await setup.store.hamlets()
            report["database"] = "ok"
        } catch {
            _ = ErrorReference.log(error, "health check: database", logger: setup.logger)
            report["database"] = "unavailable"
            healthy = false
        }
        for (name, state) in await setup.health() {
            let ok = state.hasPrefix("ok")
            report["channel." + name] = ok ? "ok" : "degraded"
            if !ok { healthy = false }
        }
        // A channel whose daily quota is used up (saved by `loa run`, issue 17 §2) sends nothing until it renews.
        if let quotas = try? await setup.store.channelQuotas() {
            for quota in quotas where quota.isExhausted(at: setup.now()) && setup.configuration.channels.contains(where: { $0.name == quota.channel }) {
                report["channel." + quota.channel] = "quota_exhausted"
                healthy = false
            }
        }
        report["status"] = healthy ? "ok" : "degraded"
        return report
    }
}
