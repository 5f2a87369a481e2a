import LoaChannels
import LoaServer

extension ChannelCheckReport {
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
