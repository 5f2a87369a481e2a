import Foundation
import LoaChannels
import LoaConfig
import LoaStore

/// What Loa knows of a channel between sends, for `loa channels` and the channels page: the
/// Zalo token pair `loa run` keeps, and the ZNS daily quota it last saved.
public struct ChannelStatus: Sendable {
    /// The state of a channel's access token.
    public enum Token: Sendable, Equatable {
        /// Not a Zalo channel: no token to watch.
        case none
        /// The pair `loa run` saved (expiry, last refresh, failure).
        case stored(ChannelCredentials)
        /// Only the token written in `loa.toml`, never refreshed yet.
        case configured
        /// No access token at all yet (`loa channels authorize`).
        case missing
    }

    public var token: Token
    /// The ZNS quota of the current day, if `loa run` saved one that has not renewed yet.
    public var quota: ChannelQuota?

    /// Reads the channel's stored state at `now`.
    public static func read(_ channel: ChannelConfig, store: any Store, now: Date) async throws -> ChannelStatus {
        var status = ChannelStatus(token: .none, quota: nil)
        if channel.kind == .zaloZNS || channel.kind == .zaloOA {
            // Pairs are kept per app and OA (ZaloAppKey); older ones under the channel's name.
            let app = ZaloAppKey(config: channel)
            var found = app.appID.isEmpty ? nil : try await store.channelCredentials(channel: app.storageKey)
            if found == nil { found = try await store.channelCredentials(channel: channel.name) }
            if let found {
                status.token = .stored(found)
            } else {
                status.token = channel.secrets["access_token"] != nil ? .configured : .missing
            }
        }
        if channel.kind == .zaloZNS {
            status.quota = try await store.channelQuotas().first { $0.channel == channel.name && $0.resetsAt > now }
        }
        return status
    }

    /// One line, as `loa channels` prints it: the quota (ZNS), then the token's state.
    public var line: String {
        let token: String
        switch self.token {
        case .none: token = "ok"
        case .stored(let stored):
            token = stored.failure.map { "token refresh failed: \($0)" } ?? "token expires \(stored.expiresAt.ISO8601Format())"
        case .configured: token = "configured token (not yet refreshed)"
        case .missing: token = "no access token yet"
        }
        guard let quota else { return token }
        let of = quota.daily.map { " of \($0)" } ?? ""
        let said = quota.remaining <= 0
            ? "quota used up until \(quota.resetsAt.ISO8601Format()) (urgent notices fall back, others wait)"
            : "quota \(quota.remaining)\(of) left today"
        return said + "; " + token
    }
}
