import LoaHTTP
import LoaSimulator
import LoaTesting
import Testing

@Suite("Fault knobs")
struct FaultTests {
    @Test("The throttle knob answers 429 with Retry-After and processes nothing")
    func throttled() async throws {
        var options = SimulatorOptions()
        options.throttleRate = 1
        options.retryAfterSeconds = 7
        try await withSimulator(options) { sim in
            let response = try await sim.sendZNS(phone: "84912345678", tracking: "t")
            #expect(response.status == 429)
            #expect(response.headers["Retry-After"] == "7")
            let stats = sim.simulator.stats[.zaloZNS]
            #expect(stats.throttled == 1 && stats.accepted == 0 && stats.keys == ["t": 1])
        }
    }

    @Test("The 5xx knob fails about its share, and a re-send of the same key gets a fresh draw")
    func serverErrors() async throws {
        var options = SimulatorOptions()
        options.serverErrorRate = 0.5
        options.seed = 7
        try await withSimulator(options) { sim in
            var failed = 0
            for index in 0..<100 {
                let status = try await sim.sendESMS(phone: "0987654321", requestID: "S-\(index)").status
                #expect(status == 200 || status == 500 || status == 503)
                if status >= 500 { failed += 1 }
            }
            #expect((30...70).contains(failed))
            // Retrying each failed key until it passes terminates: later attempts roll again.
            for (key, _) in sim.simulator.stats[.esms].keys {
                var status = 500
                var tries = 0
                while status >= 500 && tries < 20 {
                    status = try await sim.sendESMS(phone: "0987654321", requestID: key).status
                    tries += 1
                }
                #expect(status == 200)
            }
            #expect(sim.simulator.stats[.esms].serverErrors >= failed)
        }
    }

    @Test("The timeout knob holds the request until a short client timeout fires")
    func timeout() async throws {
        var options = SimulatorOptions()
        options.timeoutRate = 1
        options.timeoutHold = .seconds(5)
        try await withSimulator(options) { sim in
            let start = ContinuousClock.now
            await #expect {
                _ = try await sim.post(
                    "/webhook/loa", json: #"{"id":"k1"}"#, timeout: .milliseconds(1500))
            } throws: { error in
                (error as? HTTPClientError)?.kind == .timeout
            }
            // Well before the 5 s hold: the client gave up, the simulator did not answer.
            #expect(ContinuousClock.now - start < .milliseconds(4500))
            // Under load the server may read the request after the client gave up: give it time.
            for _ in 0..<50 where sim.simulator.stats[.webhook].timedOut == 0 {
                try await Task.sleep(for: .milliseconds(100))
            }
            #expect(sim.simulator.stats[.webhook].timedOut == 1)
            #expect(sim.simulator.stats[.webhook].accepted == 0)
        }
    }

    @Test("Latency delays the answer by the configured time")
    func latency() async throws {
        var options = SimulatorOptions()
        options.latency = .milliseconds(150) ... .milliseconds(200)
        try await withSimulator(options) { sim in
            let start = ContinuousClock.now
            let response = try await sim.post("/webhook/loa", json: #"{"id":"k1"}"#)
            #expect(response.status == 200)
            #expect(ContinuousClock.now - start >= .milliseconds(150))
        }
    }
}
