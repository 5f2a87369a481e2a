import Foundation
import LoaChannels
import LoaHTTP

/// A transport that times every gateway request into ``LoaMetrics`` and passes it on unchanged.
public struct MeasuredTransport: HTTPTransport {
    let inner: any HTTPTransport
    let metrics: LoaMetrics

    public init(_ inner: any HTTPTransport, metrics: LoaMetrics) {
        self.inner = inner
        self.metrics = metrics
    }

    public func send(_ request: HTTPRequest) async throws(HTTPClientError) -> HTTPResponse {
        let started = ContinuousClock.now
        let host = URL(string: request.url)?.host ?? "unknown"
        do {
            let response = try await inner.send(request)
            metrics.recordGatewayLatency(host: host, status: String(response.status / 100) + "xx", ContinuousClock.now - started)
            return response
        } catch {
            metrics.recordGatewayLatency(host: host, status: "\(error.kind)", ContinuousClock.now - started)
            throw error
        }
    }
}
