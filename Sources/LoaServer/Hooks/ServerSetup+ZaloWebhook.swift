import LoaChannels

/// The one webhook URL to register for a Zalo app (gateways.md §13).
public struct ZaloWebhook: Sendable, Equatable {
    /// The app's `app_id`.
    public var appID: String
    /// The URL to register in the app's webhook settings (the first of the app's channels' hooks).
    public var urls: HookURLs
    /// Every Zalo channel of the app, in configuration order: they all receive through that URL.
    public var channels: [String]
}

extension ServerSetup {
    /// The webhook of `channel`'s Zalo app, or nil for other channels, a Zalo channel without
    /// `app_id`, or without `[server] hook_secret`.
    public func zaloWebhook(channel: String) -> ZaloWebhook? {
        let members = ZaloAppRoutes(channels: configuration.channels).members(sharingAppOf: channel)
        guard let first = members.first, let urls = hookURLs(channel: first.name),
            let app = configuration.channels.first(where: { $0.name == channel })?.settings["app_id"]
        else { return nil }
        return ZaloWebhook(appID: app, urls: urls, channels: members.map(\.name))
    }
}
