import LoaChannels

/// One channel's findings as `loa channels check` prints them (`--format json`: an array of these).
struct ChannelCheckReport: Encodable {
    let channel: String
    let kind: String
    let checks: [ChannelCheckItem]

    /// One aligned line per finding: channel, check, status, detail.
    static func listing(_ reports: [ChannelCheckReport]) -> Listing {
        var listing = Listing(["channel", "check", "status", "detail"])
        for report in reports {
            for item in report.checks {
                listing.append([report.channel, item.check, item.status.rawValue, item.detail])
            }
        }
        return listing
    }
}
