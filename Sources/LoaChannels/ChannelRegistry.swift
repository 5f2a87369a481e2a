import LoaConfig

/// The explicit list of gateway dialects Loa speaks; adding a gateway adds one line here.
public enum ChannelRegistry {
    /// An adapter for a configured channel; `hooks` are its callback URLs when the server runs.
    public static func adapter(for config: ChannelConfig, hooks: HookURLs? = nil) throws(ConfigError) -> any ChannelAdapter {
        switch config.kind {
        case .webhook:
            return try WebhookAdapter(config: config)
        case .zaloZNS: return try ZaloZNSAdapter(config: config)
        case .esms: return try ESMSAdapter(config: config, statusCallbackURL: hooks?.status, hookSecret: hooks?.secret)
        case .speedsms: return try SpeedSMSAdapter(config: config)
        case .twilio: return try TwilioAdapter(config: config, statusCallbackURL: hooks?.status)
        case .zaloOA: return try ZaloOAAdapter(config: config)
        case .kannel: return try KannelAdapter(config: config, statusCallbackURL: hooks?.status, hookSecret: hooks?.secret)
        }
    }
}
