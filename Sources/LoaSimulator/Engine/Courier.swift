import LoaHTTP

/// Makes the simulator's outgoing calls (callbacks and resident visits), trying each a few times
/// the way real gateways retry their webhooks (gateways.md §3.3, §4.3).
struct Courier: Sendable {
    /// How one call ended.
    enum Outcome: Sendable, Equatable {
        /// The receiver answered with a status it accepts.
        case delivered
        /// Every try failed, or the receiver refused for good (a 4xx other than 408/429).
        case failed
        /// The simulator is stopping or was reset.
        case abandoned
    }

    let client: HTTPClient
    let attempts: Int
    let retryDelay: Duration
    let timeout: Duration

    init(client: HTTPClient, options: SimulatorOptions) {
        self.client = client
        self.attempts = max(1, options.callbackAttempts)
        self.retryDelay = options.callbackRetryDelay
        self.timeout = options.callbackTimeout
    }

    /// Sends the request `make` builds (rebuilt for each try, so timestamps and signatures are
    /// fresh), counting any status below `acceptedBelow` as success.
    func call(acceptedBelow limit: Int = 300, _ make: @Sendable () -> HTTPRequest) async -> Outcome {
        await fetch(acceptedBelow: limit, make).outcome
    }

    /// ``call(acceptedBelow:_:)`` that also hands back the accepted response, for a page to read.
    func fetch(
        acceptedBelow limit: Int = 300, _ make: @Sendable () -> HTTPRequest
    ) async -> (outcome: Outcome, response: HTTPResponse?) {
        for attempt in 1...attempts {
            if attempt > 1, !(await EventScheduler.pause(retryDelay)) { return (.abandoned, nil) }
            var request = make()
            request.timeout = timeout
            do {
                let response = try await client.send(request)
                if response.status < limit { return (.delivered, response) }
                let retryable = response.status >= 500 || response.status == 408 || response.status == 429
                if !retryable { return (.failed, nil) }
            } catch {
                if error.kind == .cancelled { return (.abandoned, nil) }
            }
        }
        return (.failed, nil)
    }
}
