import Foundation
import LoaConfig
import LoaCore

/// How a dispatcher works: concurrency, leases, retries, the commune's clock.
public struct DispatchSettings: Sendable {
    /// The most requests in flight at once (`loa run --workers`).
    public var workers = 32
    /// Jobs kept claimed per sender, so sending goes on while a database round runs. A crash can
    /// re-send only what was sent and not yet recorded; claimed jobs not yet sent are just retaken.
    public var claimAhead = 4
    /// How long a claim holds before another worker may take it over.
    public var lease: Duration = .seconds(120)
    /// Names this worker in leases (host and pid by default).
    public var worker = DispatchSettings.defaultWorkerName()
    public var backoff = Backoff()
    /// How long to wait for a delivery receipt before falling back (when the channel says so).
    public var receiptTimeouts: [String: Duration] = [:]
    public var quietHours: QuietHours?
    public var timeZone = TimeZone(identifier: "Asia/Ho_Chi_Minh")!
    /// How often to look for due work when idle.
    public var pollInterval: Duration = .milliseconds(250)
    /// Base of resident links (`{public_url}/m/{token}`); nil leaves links out.
    public var publicURL: String?

    public init() {}

    /// Settings from the configuration file, with `--workers` applied by the caller.
    public init(configuration: LoaConfiguration) {
        quietHours = configuration.commune.quietHours
        timeZone = configuration.commune.timeZone
        for channel in configuration.channels {
            if let timeout = channel.receiptTimeout { receiptTimeouts[channel.name] = timeout }
        }
    }

    static func defaultWorkerName() -> String {
        "\(ProcessInfo.processInfo.hostName):\(ProcessInfo.processInfo.processIdentifier)"
    }

    /// Whether `date` falls in the commune's quiet hours.
    public func isQuiet(at date: Date) -> Bool {
        guard let quietHours else { return false }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.hour, .minute], from: date)
        return quietHours.contains(minuteOfDay: (parts.hour ?? 0) * 60 + (parts.minute ?? 0))
    }

    /// When the quiet hours `date` falls in end, on the commune's clock; nil outside them.
    public func quietEnd(after date: Date) -> Date? {
        guard let quietHours, isQuiet(at: date) else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar.nextDate(
            after: date, matching: DateComponents(hour: quietHours.end / 60, minute: quietHours.end % 60, second: 0),
            matchingPolicy: .nextTime)
    }
}
