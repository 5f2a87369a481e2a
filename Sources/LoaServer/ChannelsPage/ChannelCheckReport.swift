import LoaChannels

/// One channel's findings as `loa channels check` prints them (`--format json`: an array of these)
/// and the channels page shows them.
public struct ChannelCheckReport: Sendable, Encodable {
    public let channel: String
    public let kind: String
    public let checks: [ChannelCheckItem]
}
