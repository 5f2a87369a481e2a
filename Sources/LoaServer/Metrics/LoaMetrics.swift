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

    // The metrics' names and help; built when used, as MetricNameDescriptor is not Sendable.
    private static var gatewayLatency: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "loa", metricName: "gateway_request", unitName: "seconds",
            helpText: "Seconds per gateway request, by host and result.")
    }

    private static var refusedHooks: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "loa", metricName: "webhooks_refused", unitName: "total",
            helpText: "Webhook requests refused (wrong secret, signature or body), by channel and status.")
    }

    private static var messages: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "loa", metricName: "messages", unitName: "", helpText: "Messages by state and channel.")
    }

    private static var queueDepth: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "loa", metricName: "queue_depth", unitName: "",
            helpText: "Messages due, started (waiting for a retry or receipt) and in flight.")
    }

    private static var dispatchOutcomes: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "loa", metricName: "dispatch_outcomes", unitName: "",
            helpText: "Outcomes of this process's sends so far, by outcome.")
    }

    /// Records one gateway request's duration.
    public func recordGatewayLatency(host: String, status: String, _ duration: Duration) {
        registry.makeDurationHistogram(
            descriptor: Self.gatewayLatency, labels: [("host", host), ("result", status)], buckets: latencyBuckets
        ).record(duration)
    }

    /// Counts a refused webhook (wrong secret, signature, body).
    public func recordRefusedHook(channel: String, status: Int) {
        registry.makeCounter(descriptor: Self.refusedHooks, labels: [("channel", channel), ("status", String(status))])
            .increment()
    }

    /// Refreshes the store-backed gauges and renders the text format.
    func render(store: any Store, dispatch: [String: Int], now: Date) async throws -> String {
        for (state, channel, count) in try await store.messageTotals() {
            registry.makeGauge(descriptor: Self.messages, labels: [("state", state), ("channel", channel.isEmpty ? "none" : channel)])
                .set(Double(count))
        }
        let backlog = try await store.dispatchBacklog(now: now)
        for (kind, value) in [("due", backlog.due), ("started", backlog.started), ("in_flight", backlog.inFlight)] {
            registry.makeGauge(descriptor: Self.queueDepth, labels: [("kind", kind)]).set(Double(value))
        }
        for (outcome, value) in dispatch {
            // The dispatcher's totals only grow, so they are exposed as counters' current values.
            registry.makeGauge(descriptor: Self.dispatchOutcomes, labels: [("outcome", outcome)]).set(Double(value))
        }
        return registry.emitToString()
    }
}
