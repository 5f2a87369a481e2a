import LoaConfig

/// One ``ZaloTokenKeeper`` per Zalo app and OA among a configuration's channels (gateways.md §2,
/// §13): two keepers refreshing one pair would each kill the other's single-use refresh token.
public struct ZaloTokenKeepers: Sendable {
    /// Zalo channel name → the keeper of its app and OA.
    public let byChannel: [String: ZaloTokenKeeper]

    /// Groups `channels`' Zalo channels by ``ZaloAppKey``; a channel without `app_id` keeps its own.
    public init(channels: [ChannelConfig]) {
        var groups: [String: [ChannelConfig]] = [:]
        var order: [String] = []
        for channel in channels where channel.kind == .zaloZNS || channel.kind == .zaloOA {
            let app = ZaloAppKey(config: channel)
            let key = app.appID.isEmpty ? "channel:" + channel.name : app.storageKey
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(channel)
        }
        var byChannel: [String: ZaloTokenKeeper] = [:]
        for key in order {
            guard let members = groups[key] else { continue }
            let keeper = ZaloTokenKeeper(configs: members)
            for member in members { byChannel[member.name] = keeper }
        }
        self.byChannel = byChannel
    }

    /// Each keeper once, in configuration order.
    public var keepers: [ZaloTokenKeeper] {
        var seen = Set<ObjectIdentifier>()
        return byChannel.values.sorted { $0.channel < $1.channel }.filter { seen.insert(ObjectIdentifier($0)).inserted }
    }
}
