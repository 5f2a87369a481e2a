import ArgumentParser
import Glibc
import LoaHTTP
import Synchronization

/// `loa-bench transport`: POSTs a small JSON body to one URL with a fixed number in flight.
struct TransportBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "transport",
        abstract: "Measure HTTPClient throughput against one URL.",
        discussion: """
            Prints {"requests","seconds","rps","connections","errors","cpu_user_s","cpu_sys_s"}. \
            A non-2xx status counts as an error.
            """
    )

    @Option(help: "The URL to POST to, e.g. http://127.0.0.1:8080/.")
    var url: String

    @Option(help: "How many requests to send in total.")
    var requests = 200_000

    @Option(help: "How many requests to keep in flight.")
    var concurrency = 32

    @Option(help: "Connection limit per host (default: the concurrency).")
    var connections: Int?

    @Option(help: "The JSON body to send.")
    var body = #"{"to":"84901234567","text":"Loa transport benchmark"}"#

    @Option(help: "Per-request timeout in seconds.")
    var timeout = 10.0

    func validate() throws {
        guard requests > 0 else { throw ValidationError("--requests must be positive") }
        guard concurrency > 0 else { throw ValidationError("--concurrency must be positive") }
        guard timeout > 0 else { throw ValidationError("--timeout must be positive") }
    }

    func run() async throws {
        let client = HTTPClient(configuration: .init(maxConnectionsPerHost: connections ?? concurrency))
        defer { client.shutdown() }
        let request = HTTPRequest(
            method: .post, url: url, headers: ["Content-Type": "application/json"],
            body: Array(body.utf8), timeout: .milliseconds(Int64(timeout * 1000)))
        let tickets = Tickets(total: requests)

        let usageBefore = ResourceUsage.now()
        let start = ContinuousClock.now
        let errors = await withTaskGroup(of: Int.self) { group in
            for _ in 0..<concurrency {
                group.addTask {
                    var errors = 0
                    while tickets.take() {
                        do {
                            let response = try await client.send(request)
                            if !response.isSuccess {
                                errors += 1
                                tickets.noteError("HTTP status \(response.status)")
                            }
                        } catch {
                            errors += 1
                            tickets.noteError("\(error)")
                        }
                    }
                    return errors
                }
            }
            return await group.reduce(0, +)
        }
        let elapsed = ContinuousClock.now - start
        let usage = ResourceUsage.now() - usageBefore

        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        if let message = tickets.firstError {
            let line = "first error: \(message)\n"
            _ = line.withCString { Glibc.write(STDERR_FILENO, $0, strlen($0)) }
        }
        let fields: [(String, String)] = [
            ("requests", String(requests)),
            ("seconds", BenchOutput.format(seconds)),
            ("rps", BenchOutput.format(Double(requests) / seconds, decimals: 0)),
            ("connections", String(client.connectionsOpened)),
            ("errors", String(errors)),
            ("cpu_user_s", BenchOutput.format(usage.user)),
            ("cpu_sys_s", BenchOutput.format(usage.system)),
        ]
        BenchOutput.print(fields)
    }
}

/// Hands out exactly `total` permissions to send across tasks, and keeps the first error seen.
private final class Tickets: Sendable {
    private let issued = Atomic<Int>(0)
    private let total: Int
    private let firstErrorText = Mutex<String?>(nil)

    init(total: Int) {
        self.total = total
    }

    func take() -> Bool {
        issued.wrappingAdd(1, ordering: .relaxed).oldValue < total
    }

    func noteError(_ message: String) {
        firstErrorText.withLock { $0 = $0 ?? message }
    }

    var firstError: String? {
        firstErrorText.withLock { $0 }
    }
}
