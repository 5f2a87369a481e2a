import LoaConfig

/// The explicit list of gateway dialects Loa speaks; adding a gateway adds one line here.
public enum ChannelRegistry {
    /// Adapters for every configured channel, the Zalo ones of one app and OA sharing one token
    /// keeper (gateways.md §13); `hooks` gives each channel's callback URLs when the server runs.
    public static func adapters(
        for configs: [ChannelConfig], hooks: (String) -> HookURLs? = { _ in nil }
    ) throws(ConfigError) -> [any ChannelAdapter] {
        let keepers = ZaloTokenKeepers(channels: configs)
        var adapters: [any ChannelAdapter] = []
        for config in configs {
            adapters.append(try adapter(for: config, hooks: hooks(config.name), tokens: keepers.byChannel[config.name]))
        }
        return adapters
    }

    /// An adapter for a configured channel; `hooks` are its callback URLs when the server runs;
    /// `tokens` is the keeper a Zalo channel shares with the others of its app (its own without).
    public static func adapter(
        for config: ChannelConfig, hooks: HookURLs? = nil, tokens: ZaloTokenKeeper? = nil
    ) throws(ConfigError) -> any ChannelAdapter {
        switch config.kind {
        case .webhook:
            return try WebhookAdapter(config: config)
        case .zaloZNS: return try ZaloZNSAdapter(config: config, tokens: tokens)
        case .esms: return try ESMSAdapter(config: config, statusCallbackURL: hooks?.status, hookSecret: hooks?.secret)
        case .speedsms: return try SpeedSMSAdapter(config: config)
        case .twilio: return try TwilioAdapter(config: config, statusCallbackURL: hooks?.status)
        case .zaloOA: return try ZaloOAAdapter(config: config, tokens: tokens)
        case .kannel: return try KannelAdapter(config: config, statusCallbackURL: hooks?.status, hookSecret: hooks?.secret)
        }
    }
}
