import ArgumentParser
import Foundation
import LoaSimulator

/// `loa simulate`: the gateway simulator as a server on its own (SPEC §7).
struct SimulateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Run the gateway simulator (Zalo ZNS and OA, eSMS, SpeedSMS, Twilio, webhook dialects) until stopped.",
        discussion: "Point channels' base_url at it. GET /_sim/stats shows what it saw; POST /_sim/reset forgets.")

    @Option(help: "Address to listen on.") var host = "127.0.0.1"
    @Option(help: "Port (0 picks a free one).") var port = 9090
    @Option(help: "Seed for every random choice.") var seed: UInt64 = 0
    @Option(help: "Share of residents without Zalo (ZNS -118).") var noZaloShare = 0.0
    @Option(help: "Share of delivery reports saying undelivered.") var failureRate = 0.0
    @Option(help: "Latency in milliseconds, e.g. 20 or 5-50.") var latency = "0"
    @Option(help: "Share of requests answered with a 5xx.") var serverErrorRate = 0.0
    @Option(help: "Share of requests left unanswered (client timeouts).") var timeoutRate = 0.0
    @Option(help: "Share of requests answered 429.") var throttleRate = 0.0
    @Option(help: "Retry-After seconds on 429.") var retryAfter = 1
    @Option(help: "Share of residents who open their link.") var openShare = 0.0
    @Option(help: "Share of residents who acknowledge.") var ackShare = 0.0
    @Option(help: "Share of links a link-preview fetcher also reads (never an open).") var previewShare = 0.0
    @Option(help: "Share of callbacks sent twice.") var duplicateRate = 0.0
    @Option(help: "Share of callbacks sent out of order.") var outOfOrderRate = 0.0
    @Option(help: "Where Zalo ZNS callbacks go.") var zaloCallback: String?
    @Option(help: "Where Zalo OA callbacks (receipts, seen) go.") var zaloOaCallback: String?
    @Option(help: "Where SpeedSMS delivery reports go (one URL per account).") var speedsmsCallback: String?
    @Option(help: "Where webhook callbacks go.") var webhookCallback: String?
    @Option(help: "The OA's daily ZNS quota; sends beyond it get -144.") var znsDailyQuota = 1_000_000

    func run() async throws {
        var options = SimulatorOptions()
        options.host = host
        options.port = port
        options.seed = seed
        options.noZaloShare = try Self.share(noZaloShare, "--no-zalo-share")
        options.deliveryFailureRate = try Self.share(failureRate, "--failure-rate")
        options.serverErrorRate = try Self.share(serverErrorRate, "--server-error-rate")
        options.timeoutRate = try Self.share(timeoutRate, "--timeout-rate")
        options.throttleRate = try Self.share(throttleRate, "--throttle-rate")
        options.retryAfterSeconds = max(0, retryAfter)
        options.openShare = try Self.share(openShare, "--open-share")
        options.ackShare = try Self.share(ackShare, "--ack-share")
        options.previewShare = try Self.share(previewShare, "--preview-share")
        options.duplicateCallbackRate = try Self.share(duplicateRate, "--duplicate-rate")
        options.outOfOrderRate = try Self.share(outOfOrderRate, "--out-of-order-rate")
        options.latency = try Self.milliseconds(latency)
        options.zalo.callbackURL = zaloCallback
        guard znsDailyQuota >= 0 else { throw UserError("--zns-daily-quota must be 0 or more") }
        options.zalo.dailyQuota = znsDailyQuota
        options.zaloOA.callbackURL = zaloOaCallback
        options.speedsms.callbackURL = speedsmsCallback
        options.webhook.callbackURL = webhookCallback
        let simulator = GatewaySimulator(options: options)
        try await simulator.run(handlingSignals: true) { port in
            Terminal.info("loa simulate: listening on http://\(host):\(port) (\(GatewayDialect.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
    }

    static func share(_ value: Double, _ flag: String) throws -> Double {
        guard (0...1).contains(value) else { throw UserError("\(flag) must be a share between 0 and 1") }
        return value
    }

    /// `20` or `5-50` milliseconds.
    static func milliseconds(_ text: String) throws -> ClosedRange<Duration> {
        let parts = text.split(separator: "-").map { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard (1...2).contains(parts.count), let low = parts.first ?? nil, let high = parts.last ?? nil,
            low >= 0, high >= low
        else { throw UserError("--latency '\(text)' is not milliseconds like 20 or 5-50") }
        return .milliseconds(low) ... .milliseconds(high)
    }
}
