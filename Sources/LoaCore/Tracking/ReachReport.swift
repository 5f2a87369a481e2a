/// A notice's reach (SPEC §2, §3): counts up the ladder, and reach = reached ÷ targeted with
/// unreachable residents in the denominator.
public struct ReachCounts: Sendable, Equatable {
    public var targeted = 0
    public var unreachable = 0
    /// Up the ladder counts are cumulative: a delivered message was also accepted.
    public var accepted = 0
    public var delivered = 0
    /// Residents whose link was opened by a person (an SMS "OK" acknowledges without opening).
    public var opened = 0
    public var acknowledged = 0
    /// Residents who opened or acknowledged.
    public var reached = 0
    public var failed = 0
    public var expired = 0
    public var cancelled = 0

    public init() {}

    /// reached ÷ targeted, 0 when nobody was targeted.
    public var reach: Double { targeted == 0 ? 0 : Double(reached) / Double(targeted) }

    /// Adds `count` messages standing in `state`, of which `opened` had their link opened.
    public mutating func add(_ state: MessageState, unreachable isUnreachable: Bool, opened openedCount: Int = 0, count: Int = 1) {
        targeted += count
        if isUnreachable { unreachable += count }
        opened += openedCount
        switch state {
        case .failed: failed += count
        case .expired: expired += count
        case .cancelled: cancelled += count
        case .queued, .sending: break
        case .accepted, .delivered, .opened, .acknowledged:
            accepted += count
            if state.rank >= MessageState.delivered.rank { delivered += count }
            if state.rank >= MessageState.opened.rank { reached += count }
            if state == .acknowledged { acknowledged += count }
        }
    }
}

/// The whole report of one notice, with an optional breakdown.
public struct ReachReport: Sendable, Equatable {
    /// How the breakdown is keyed.
    public enum Grouping: String, Sendable, CaseIterable {
        case hamlet, group, channel
    }

    /// One row of the breakdown.
    public struct Row: Sendable, Equatable {
        public var key: String
        public var counts: ReachCounts

        public init(key: String, counts: ReachCounts) {
            self.key = key
            self.counts = counts
        }
    }

    public var notice: String
    public var totals: ReachCounts
    public var reachTarget: Double
    public var smsSegments: Int
    /// Reminder sends a gateway took; each is a send of its own.
    public var reminderSends = 0
    public var grouping: Grouping?
    public var rows: [Row]

    public init(
        notice: String, totals: ReachCounts, reachTarget: Double, smsSegments: Int, grouping: Grouping? = nil,
        rows: [Row] = []
    ) {
        self.notice = notice
        self.totals = totals
        self.reachTarget = reachTarget
        self.smsSegments = smsSegments
        self.grouping = grouping
        self.rows = rows
    }

    /// Reach rounded to four decimals, as the JSON shows it.
    public static func rounded(_ value: Double) -> Double { (value * 10_000).rounded() / 10_000 }
}
