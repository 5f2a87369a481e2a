import LoaServer
import Logging
import ServiceLifecycle

/// Loa's HTTP server running inside `loa demo`, stopped gracefully when the demo is done.
struct DemoServer {
    private let group: ServiceGroup
    private let task: Task<Void, any Error>

    static func start(_ setup: ServerSetup) async throws -> DemoServer {
        let (running, announce) = AsyncStream.makeStream(of: Int.self)
        let application = try LoaServer.application(setup, listen: setup.configuration.server.listen) { port in
            announce.yield(port)
            announce.finish()
        }
        let group = ServiceGroup(services: [application], logger: setup.logger)
        let task = Task {
            defer { announce.finish() }
            try await group.run()
        }
        var port: Int?
        for await bound in running {
            port = bound
            break
        }
        guard port != nil else {
            let failure = await task.result
            throw UserError("the demo's server did not start: \(String(describing: failure))")
        }
        return DemoServer(group: group, task: task)
    }

    func stop() async {
        await group.triggerGracefulShutdown()
        _ = await task.result
    }
}
