import Foundation
import LoaStore
import Prometheus

/// Loa's Prometheus metrics (`GET /metrics`): message states by channel and the dispatch backlog
/// read from the store at scrape time, dispatch outcomes from the running dispatcher, gateway
/// latency measured around every request, and refused webhooks.
public final class LoaMetrics: Sendable {
    public let registry = PrometheusCollectorRegistry()
    /// Seconds per gateway request, by host.
    private let latencyBuckets: [Duration] = [.milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50),
        .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2.5), .seconds(5), .seconds(10)]

    public init() {}

    /// `loa_<metric>[_<unit>]` with its help text (built when used: MetricNameDescriptor is not Sendable).
    private static func named(_ metric: String, unit: String = "", help: String) -> MetricNameDescriptor {
        MetricNameDescriptor(namespace: "loa", metricName: metric, unitName: unit, helpText: help)
    }

    /// Records one gateway request's duration.
    public func recordGatewayLatency(host: String, status: String, _ duration: Duration) {
        let name = Self.named("gateway_request", unit: "seconds", help: "Seconds per gateway request, by host and result.")
        registry.makeDurationHistogram(descriptor: name, labels: [("host", host), ("result", status)], buckets: latencyBuckets)
            .record(duration)
    }

    /// Counts a refused webhook (wrong secret, signature, body).
    public func recordRefusedHook(channel: String, status: Int) {
        let name = Self.named(
            "webhooks_refused", unit: "total", help: "Webhook requests refused (wrong secret, signature or body).")
        registry.makeCounter(descriptor: name, labels: [("channel", channel), ("status", String(status))]).increment()
    }

    /// Refreshes the store-backed gauges and renders the text format.
    func render(store: any Store, dispatch: [String: Int], now: Date) async throws -> String {
        let messages = Self.named("messages", help: "Messages by state and channel.")
        for (state, channel, count) in try await store.messageTotals() {
            registry.makeGauge(descriptor: messages, labels: [("state", state), ("channel", channel.isEmpty ? "none" : channel)])
                .set(Double(count))
        }
        let backlog = try await store.dispatchBacklog(now: now)
        let depth = Self.named("queue_depth", help: "Messages due, started (waiting for a retry or a receipt) and in flight.")
        for (kind, value) in [("due", backlog.due), ("started", backlog.started), ("in_flight", backlog.inFlight)] {
            registry.makeGauge(descriptor: depth, labels: [("kind", kind)]).set(Double(value))
        }
        let outcomes = Self.named("dispatch_outcomes", help: "Outcomes of this process's sends so far.")
        for (outcome, value) in dispatch {
            // The dispatcher's totals only grow, so they are exposed as counters' current values.
            registry.makeGauge(descriptor: outcomes, labels: [("outcome", outcome)]).set(Double(value))
        }
        return registry.emitToString()
    }
}
