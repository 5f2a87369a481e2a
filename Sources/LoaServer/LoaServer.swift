import Foundation
import Hummingbird
import Logging
import NIOCore

/// Loa's HTTP server (SPEC §5): gateway hooks, resident pages, the JSON API, the staff dashboard
/// and `/healthz`.
///
/// ```swift
/// let app = try LoaServer.application(setup, listen: "127.0.0.1:8080")
/// try await ServiceGroup(services: [app, dispatcher], …).run()
/// ```
public enum LoaServer {
    /// Every route, ready to serve or to test in-process.
    public static func router(_ setup: ServerSetup) -> Router<LoaRequestContext> {
        let router = Router(context: LoaRequestContext.self)
        // Before the routes: Hummingbird applies a middleware only to routes added after it.
        router.add(middleware: SecurityHeaders())
        HookRoutes.add(to: router, setup: setup)
        ResidentRoutes.add(to: router, setup: setup)
        APIRoutes.add(to: router, setup: setup)
        DashboardRoutes.add(to: router, setup: setup)
        router.get("/healthz") { _, _ in
            await health(setup)
        }
        router.get("/metrics") { _, _ in
            do {
                let text = try await setup.metrics.render(store: setup.store, dispatch: setup.dispatchTotals(), now: setup.now())
                var headers = HTTPFields()
                headers[.contentType] = "text/plain; version=0.0.4; charset=utf-8"
                return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
            } catch {
                return Responses.text(.serviceUnavailable, "metrics unavailable: \(error)")
            }
        }
        return router
    }

    /// The server as a `Service` for a `ServiceGroup`; `onRunning` hears the bound port.
    public static func application(
        _ setup: ServerSetup, listen: String, onRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) throws(ListenError) -> some ApplicationProtocol {
        let (host, port) = try parse(listen)
        return Application(
            router: router(setup),
            configuration: .init(address: .hostname(host, port: port), serverName: "loa"),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? port) },
            logger: setup.logger)
    }

    /// `host:port` that `[server] listen` holds is not usable.
    public struct ListenError: Error, CustomStringConvertible {
        public let description: String
    }

    static func parse(_ listen: String) throws(ListenError) -> (String, Int) {
        guard let colon = listen.lastIndex(of: ":"), let port = Int(listen[listen.index(after: colon)...]),
            (0...65535).contains(port)
        else { throw ListenError(description: "listen '\(listen)' is not host:port") }
        let host = String(listen[..<colon]).trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        return (host.isEmpty ? "0.0.0.0" : host, port)
    }

    private static func health(_ setup: ServerSetup) async -> Response {
        var report: [String: String] = [:]
        var healthy = true
        do {
            _ = try await setup.store.hamlets()
            report["database"] = "ok"
        } catch {
            report["database"] = "error: \(error)"
            healthy = false
        }
        for (name, state) in await setup.health() {
            report["channel." + name] = state
            if !state.hasPrefix("ok") { healthy = false }
        }
        report["status"] = healthy ? "ok" : "degraded"
        return Responses.json(report, status: healthy ? .ok : .serviceUnavailable)
    }
}
