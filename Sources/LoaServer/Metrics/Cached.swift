/// A value computed at most once per `interval`: callers in between get the last one, and callers
/// that arrive during a refresh wait for that refresh instead of starting their own. Keeps
/// `/metrics` and `/healthz` from scanning the store once per request.
actor Cached<Value: Sendable> {
    private let interval: Duration
    private let compute: @Sendable () async -> Value
    private var last: (value: Value, at: ContinuousClock.Instant)?
    private var refresh: Task<Value, Never>?

    init(every interval: Duration, _ compute: @escaping @Sendable () async -> Value) {
        self.interval = interval
        self.compute = compute
    }

    func value() async -> Value {
        if let last, ContinuousClock.now - last.at < interval { return last.value }
        if let refresh { return await refresh.value }
        let task = Task { await compute() }
        refresh = task
        let value = await task.value
        last = (value, .now)
        refresh = nil
        return value
    }
}
