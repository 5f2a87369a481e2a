import LoaChannels
import LoaConfig

/// Zalo registers one webhook URL per app and sends it every event of that app: ZNS receipts, OA
/// receipts and "seen", followers' messages (gateways.md §13). Loa's Zalo channels that share an
/// `app_id` therefore take each other's events: any of their hook URLs receives every event, and
/// each event goes to the channel it belongs to.
struct ZaloAppRoutes: Sendable {
    struct Member: Sendable, Equatable {
        let name: String
        let kind: ChannelKind
        let oaID: String?
    }

    /// Where one event goes, and whether it is read as an OA conversation event by a channel of
    /// another kind (a `zalo-zns` channel standing in for a missing `zalo-oa` one).
    struct Route: Sendable, Equatable {
        let channel: String
        let readAsConversation: Bool
    }

    /// App id → its Zalo channels, in configuration order.
    private let apps: [String: [Member]]
    /// Zalo channel name → its app id.
    private let appOf: [String: String]

    init(channels: [ChannelConfig]) {
        var apps: [String: [Member]] = [:]
        var appOf: [String: String] = [:]
        for channel in channels where channel.kind == .zaloZNS || channel.kind == .zaloOA {
            guard let app = channel.settings["app_id"], !app.isEmpty else { continue }
            apps[app, default: []].append(Member(name: channel.name, kind: channel.kind, oaID: channel.settings["oa_id"]))
            appOf[channel.name] = app
        }
        self.apps = apps
        self.appOf = appOf
    }

    /// The Zalo channels sharing `channel`'s app, itself included; empty for other channels.
    func members(sharingAppOf channel: String) -> [Member] {
        appOf[channel].flatMap { apps[$0] } ?? []
    }

    /// The channel `summary`'s event belongs to, for an event that arrived on `channel`'s URL.
    func route(_ summary: ZaloEventSummary, arrivedOn channel: String) -> Route {
        let members = members(sharingAppOf: channel)
        guard !members.isEmpty, members.count > 1 || summary.isOAConversation else { return Route(channel: channel, readAsConversation: false) }
        if summary.fromZNS {
            return Route(channel: pick(.zaloZNS, in: members, parties: summary.parties) ?? channel, readAsConversation: false)
        }
        guard summary.isOAConversation else { return Route(channel: channel, readAsConversation: false) }
        if let oa = pick(.zaloOA, in: members, parties: summary.parties) {
            return Route(channel: oa, readAsConversation: false)
        }
        // No `zalo-oa` channel for this app: a follower's reply still acknowledges through the ZNS one.
        let zns = pick(.zaloZNS, in: members, parties: summary.parties) ?? channel
        return Route(channel: zns, readAsConversation: true)
    }

    /// The first member of `kind` whose `oa_id` is one of the event's parties, else the first of
    /// `kind`.
    private func pick(_ kind: ChannelKind, in members: [Member], parties: [String]) -> String? {
        let ofKind = members.filter { $0.kind == kind }
        return (ofKind.first { $0.oaID.map(parties.contains) ?? false } ?? ofKind.first)?.name
    }
}
