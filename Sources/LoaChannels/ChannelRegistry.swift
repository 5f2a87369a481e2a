import LoaConfig

/// The explicit list of gateway dialects Loa speaks; adding a gateway adds one line here.
public enum ChannelRegistry {
    /// An adapter for a configured channel.
    public static func adapter(for config: ChannelConfig) throws(ConfigError) -> any ChannelAdapter {
        switch config.kind {
        case .webhook:
            return try WebhookAdapter(config: config)
        case .zaloZNS: return try ZaloZNSAdapter(config: config)
        case .esms: return try ESMSAdapter(config: config)
        case .zaloOA, .speedsms, .kannel, .twilio:
            throw ConfigError("channel \(config.name): kind \(config.kind.rawValue) has no adapter in this build yet")
        }
    }
}
