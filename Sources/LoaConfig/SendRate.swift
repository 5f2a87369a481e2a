import Foundation

/// A channel's sending rate (SPEC §4 `rate`, e.g. `50/s`); SMS gateways count segments.
public struct SendRate: Sendable, Hashable, CustomStringConvertible {
    public let count: Double
    public let perSeconds: Double

    /// Units per second.
    public var perSecond: Double { count / perSeconds }

    /// Parses `N/s`, `N/m` or `N/min`, `N/h`.
    public init?(parsing text: String) {
        let parts = text.replacingOccurrences(of: " ", with: "").split(separator: "/")
        guard parts.count == 2, let count = Double(parts[0]), count > 0, count.isFinite else { return nil }
        switch parts[1].lowercased() {
        case "s", "sec", "second": perSeconds = 1
        case "m", "min", "minute": perSeconds = 60
        case "h", "hour": perSeconds = 3600
        default: return nil
        }
        self.count = count
    }

    public var description: String {
        let unit = perSeconds == 1 ? "s" : perSeconds == 60 ? "min" : "h"
        let number = count == count.rounded() ? String(Int(count)) : String(count)
        return number + "/" + unit
    }
}
