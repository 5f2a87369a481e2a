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
        router.add(middleware: RateLimits(setup.configuration.limits))
        HookRoutes.add(to: router, setup: setup)
        ResidentRoutes.add(to: router, setup: setup)
        APIRoutes.add(to: router, setup: setup)
        DashboardRoutes.add(to: router, setup: setup)
        LandingRoutes.add(to: router, setup: setup)
        StatusRoutes.add(to: router, setup: setup)
        return router
    }

    /// The server as a `Service` for a `ServiceGroup`; `onRunning` hears the bound port.
    public static func application(
        _ setup: ServerSetup, listen: String, onRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) throws(ListenError) -> some ApplicationProtocol {
        let (host, port) = try parse(listen)
        // The idle timer also bounds a request head sent slowly: only a whole head counts as activity.
        let idle = TimeAmount.nanoseconds(Int64(setup.configuration.limits.idleTimeout.components.seconds) * 1_000_000_000)
        return Application(
            router: router(setup),
            server: .http1(configuration: .init(idleTimeout: idle)),
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
}
