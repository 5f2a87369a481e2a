import Foundation
import LoaConfig
import LoaHTTP

/// Sends HTTP requests; `HTTPClient` in production, a scripted mock in adapter fixture tests.
public protocol HTTPTransport: Sendable {
    func send(_ request: HTTPRequest) async throws(HTTPClientError) -> HTTPResponse
}

extension HTTPClient: HTTPTransport {}

/// One gateway dialect: how a message becomes a request and how the reply becomes a result.
///
/// Adapters never touch the store and never decide timing; the scheduler reads `SendError.kind`.
public protocol ChannelAdapter: Sendable {
    /// The configuration this adapter was made from (name, kind, rate, base URL…).
    var config: ChannelConfig { get }

    /// The request that sends `message`; pure.
    func makeRequest(for message: OutboundMessage) throws(SendError) -> HTTPRequest

    /// Reads the gateway's reply to that request; pure.
    func readReply(_ response: HTTPResponse, for message: OutboundMessage) throws(SendError) -> SendResult

    /// Values that must never appear in logs or errors (tokens, keys, passwords).
    var secrets: [String] { get }

    /// Whether status callbacks come to a URL made for each send, with a per-message token beside
    /// the idempotency key (Kannel `dlr-url`, eSMS `CallbackUrl`); the server then refuses a report
    /// whose token does not vouch for the key it names.
    var statusCallbacksCarryToken: Bool { get }

    /// Checks that a callback really comes from the gateway (signature, freshness); pure.
    /// Gateways that cannot sign rely on the channel's hook secret in the path and, where the
    /// gateway echoes a per-send URL, the per-message token; the server checks both.
    func verify(_ request: HookRequest) throws(CallbackError)

    /// The events a verified callback reports, in order; pure. Unknown event types the gateway
    /// may add give an empty list, not an error.
    func events(in request: HookRequest) throws(CallbackError) -> [GatewayEvent]

    /// Renews expired credentials (Zalo's OAuth token) after an `.unauthorized` send, before its
    /// one retry; gateways without renewable credentials do nothing.
    func renewCredentials() async throws(SendError)

    /// Asks the gateway, without messaging anyone, whether this channel's credentials, templates
    /// and balance or quota will work (`loa channels check`); never throws, each finding says.
    func checkAccount(over transport: any HTTPTransport) async -> [ChannelCheckItem]
}

extension ChannelAdapter {
    public var name: String { config.name }

    public var secrets: [String] { config.secrets.values.map(\.value).filter { !$0.isEmpty } }

    public var statusCallbacksCarryToken: Bool { false }

    public func verify(_ request: HookRequest) throws(CallbackError) {}

    public func events(in request: HookRequest) throws(CallbackError) -> [GatewayEvent] {
        throw CallbackError(.unsupported, "channel \(config.name) (\(config.kind.rawValue)) takes no \(request.event.rawValue) callbacks")
    }

    public func renewCredentials() async throws(SendError) {}

    /// ``send(_:over:)``; after an `.unauthorized` failure the credentials are renewed once and the
    /// message is sent once more (gateways.md §11.6: "retry a call once after -124/-216/-220").
    public func sendRenewingCredentials(
        _ message: OutboundMessage, over transport: any HTTPTransport
    ) async throws(SendError) -> SendResult {
        do {
            return try await send(message, over: transport)
        } catch where error.kind == .unauthorized {
            try await renewCredentials()
            return try await send(message, over: transport)
        }
    }

    /// Sends one message through `transport`: make the request, send it, read the reply.
    public func send(_ message: OutboundMessage, over transport: any HTTPTransport) async throws(SendError) -> SendResult {
        let request = try makeRequest(for: message)
        let response: HTTPResponse
        do {
            response = try await transport.send(request)
        } catch {
            throw redacted(SendError.from(error))
        }
        do {
            return try readReply(response, for: message)
        } catch {
            throw redacted(error)
        }
    }

    /// The error with every secret replaced, so gateway echoes cannot leak a token into logs.
    public func redacted(_ error: SendError) -> SendError {
        var copy = error
        for secret in secrets where secret.count >= 4 {
            copy.message = copy.message.replacingOccurrences(of: secret, with: "<redacted>")
        }
        return copy
    }
}
