import Foundation
import LoaChannels
import LoaConfig
import LoaStore
import Logging

/// What the HTTP server works with: the store, the configuration and the channel adapters.
///
/// Everything a request needs is here or in the database, so any `loa run` worker's server
/// can take any callback or resident link.
public struct ServerSetup: Sendable {
    public var store: any Store
    public var configuration: LoaConfiguration
    /// Adapters by channel name, for hook parsing.
    public var adapters: [String: any ChannelAdapter]
    /// Extra `/healthz` lines (e.g. Zalo token states), name → state.
    public var health: @Sendable () async -> [String: String]
    public var now: @Sendable () -> Date
    /// Prometheus metrics for `/metrics`.
    public var metrics = LoaMetrics()
    /// The running dispatcher's outcome totals for `/metrics` (empty without one).
    public var dispatchTotals: @Sendable () -> [String: Int] = { [:] }
    public var logger: Logger

    public init(
        store: any Store, configuration: LoaConfiguration, adapters: [any ChannelAdapter],
        health: @escaping @Sendable () async -> [String: String] = { [:] },
        now: @escaping @Sendable () -> Date = { Date() }, logger: Logger = Logger(label: "loa.server")
    ) {
        self.store = store
        self.configuration = configuration
        self.adapters = Dictionary(adapters.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        self.health = health
        self.now = now
        self.logger = logger
    }

    /// The callback URLs of `channel` to register with its gateway, or nil without a hook secret.
    public func hookURLs(channel: String) -> HookURLs? {
        hookSecret(channel: channel).map { HookURLs(publicURL: configuration.server.publicURL, secret: $0) }
    }

    /// `channel`'s own hook secrets, derived from `[server] hook_secret` (SPEC §4), or nil without one.
    public func hookSecret(channel: String) -> HookSecret? {
        guard let master = configuration.server.hookSecret?.value, !master.isEmpty else { return nil }
        return HookSecret(master: master, channel: channel)
    }
}
