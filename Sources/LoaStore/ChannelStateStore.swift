import Foundation

/// What Loa learned from the gateways about each channel's account and keeps between processes:
/// the daily allowance left (`loa channels`, `/healthz`, a restarted `loa run`) and the template's
/// parameter limits (`notice create` in another process).
public protocol ChannelStateStore: Sendable {
    /// Every channel's last known allowance.
    func channelQuotas() async throws -> [ChannelQuota]

    /// Saves (replaces) these channels' allowances in one transaction.
    func saveChannelQuotas(_ quotas: [ChannelQuota]) async throws

    /// The template description last read for `channel`, if any.
    func channelTemplate(channel: String) async throws -> ChannelTemplateRecord?

    /// Saves (replaces) a channel's template description.
    func saveChannelTemplate(_ record: ChannelTemplateRecord) async throws
}

/// A channel's daily allowance as the gateway last reported it (ZNS `quota.remainingQuota`).
public struct ChannelQuota: Sendable, Equatable {
    public var channel: String
    /// The whole allowance for the day, when known.
    public var daily: Int?
    /// What was left when last heard of.
    public var remaining: Int
    /// When the allowance renews; after it, `remaining` says nothing.
    public var resetsAt: Date
    public var updatedAt: Date

    public init(channel: String, daily: Int?, remaining: Int, resetsAt: Date, updatedAt: Date) {
        self.channel = channel
        self.daily = daily
        self.remaining = remaining
        self.resetsAt = resetsAt
        self.updatedAt = updatedAt
    }

    /// Whether nothing may be sent on the channel at `now`.
    public func isExhausted(at now: Date) -> Bool { remaining <= 0 && now < resetsAt }
}

/// A channel's template description as the gateway gave it, kept as the adapter's own JSON.
public struct ChannelTemplateRecord: Sendable, Equatable {
    public var channel: String
    public var templateID: String
    /// The description, encoded by the channel adapter (opaque to the store).
    public var info: String
    public var fetchedAt: Date

    public init(channel: String, templateID: String, info: String, fetchedAt: Date) {
        self.channel = channel
        self.templateID = templateID
        self.info = info
        self.fetchedAt = fetchedAt
    }
}
