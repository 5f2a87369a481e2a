import Foundation
import LoaHTTP
import LoaSimulator
import Testing

/// The throttle knob in SpeedSMS's words (gateways.md §13): 429 with Yii's rate-limit body and
/// `X-Rate-Limit-Reset`, the seconds to wait, where other gateways send `Retry-After`.
@Suite("SpeedSMS throttle")
struct SpeedSMSThrottleTests {
    @Test("A throttled SpeedSMS send: 429, X-Rate-Limit-Reset, \"Rate limit exceeded.\", no Retry-After")
    func throttled() async throws {
        var options = SimulatorOptions()
        options.throttleRate = 1
        options.retryAfterSeconds = 7
        try await withSimulator(options) { sim in
            let response = try await sim.sendSpeedSMS(to: ["84912345678"], content: "Họp thôn lúc 19:30")
            #expect(response.status == 429)
            #expect(response.headers["X-Rate-Limit-Reset"] == "7" && response.headers["X-Rate-Limit-Remaining"] == "0")
            #expect(response.headers["Retry-After"] == nil)
            let body = try jsonObject(response.body)
            #expect(body["message"] as? String == "Rate limit exceeded." && body["status"] as? Int == 429)
            #expect(sim.simulator.stats[.speedsms].throttled == 1 && sim.simulator.stats[.speedsms].accepted == 0)
        }
    }
}
