import LoaCore

/// `loa report ID --format json` and `GET /api/notices/{id}/report` (SPEC §3): fields may be added, never renamed.
public struct ReportJSON: Encodable, Sendable {
    /// One breakdown row.
    public struct Row: Encodable, Sendable {
        public let key: String
        public let targeted, unreachable, accepted, delivered, opened, acknowledged, failed, reached: Int
        public let reach: Double
    }

    public let notice: String
    public let targeted, unreachable, accepted, delivered, opened, acknowledged, failed, expired, cancelled, reached: Int
    public let reach: Double
    public let reachTarget: Double
    public let smsSegments: Int
    public let remindersSent: Int
    @NullEncoded public var groupedBy: String?
    @NullEncoded public var by: [Row]?

    public init(_ report: ReachReport) {
        let totals = report.totals
        notice = report.notice
        targeted = totals.targeted
        unreachable = totals.unreachable
        accepted = totals.accepted
        delivered = totals.delivered
        opened = totals.opened
        acknowledged = totals.acknowledged
        failed = totals.failed
        expired = totals.expired
        cancelled = totals.cancelled
        reached = totals.reached
        reach = ReachReport.rounded(totals.reach)
        reachTarget = report.reachTarget
        smsSegments = report.smsSegments
        remindersSent = report.reminderSends
        groupedBy = report.grouping?.rawValue
        by = report.grouping == nil ? nil : report.rows.map { row in
            let counts = row.counts
            return Row(
                key: row.key, targeted: counts.targeted, unreachable: counts.unreachable, accepted: counts.accepted,
                delivered: counts.delivered, opened: counts.opened, acknowledged: counts.acknowledged,
                failed: counts.failed, reached: counts.reached, reach: ReachReport.rounded(counts.reach))
        }
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case notice, targeted, unreachable, accepted, delivered, opened, acknowledged, failed, expired, cancelled
        case reached, reach, by
        case reachTarget = "reach_target"
        case smsSegments = "sms_segments"
        case remindersSent = "reminders_sent"
        case groupedBy = "grouped_by"
    }
}
