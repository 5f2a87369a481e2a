import ArgumentParser
import LoaCore
import LoaServer

extension ReachReport.Grouping: ExpressibleByArgument {}

/// `loa report ID [--by hamlet|group|channel]` (SPEC §3).
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "Counts and reach of a notice, optionally per hamlet, group or channel.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: FormatOption

    @Argument(help: "The notice id (N-…).")
    var id: String

    @Option(help: "Break down by hamlet, group or channel.")
    var by: ReachReport.Grouping?

    func run() async throws {
        let configuration = try global.configuration()
        let store = try await global.store()
        guard let notice = try await store.notice(id: id.uppercased()) else { throw UserError("no notice with id '\(id)'") }
        let report = try await store.report(notice: notice.id, by: by, reachTarget: configuration.commune.reachTarget)
        switch output.format {
        case .json: try JSONOutput.print(ReportJSON(report))
        case .csv: Terminal.out(listing(report).csv)
        case .text: Terminal.out(text(report, title: notice.draft.title))
        }
    }

    private func listing(_ report: ReachReport) -> Listing {
        var listing = Listing([
            report.grouping?.rawValue ?? "notice", "targeted", "unreachable", "accepted", "delivered", "opened",
            "acknowledged", "failed", "reached", "reach",
        ])
        func add(_ key: String, _ counts: ReachCounts) {
            listing.append(
                [key] + [counts.targeted, counts.unreachable, counts.accepted, counts.delivered, counts.opened,
                    counts.acknowledged, counts.failed, counts.reached].map(String.init)
                    + [Self.percent(counts.reach)])
        }
        for row in report.rows { add(row.key.isEmpty ? "(none)" : row.key, row.counts) }
        add(report.grouping == nil ? report.notice : "total", report.totals)
        return listing
    }

    private func text(_ report: ReachReport, title: String) -> String {
        let totals = report.totals
        let mark = totals.reach >= report.reachTarget ? "meets" : "below"
        var lines = [
            "\(report.notice)  \(title)",
            "reach \(Self.percent(totals.reach)) (\(totals.reached) of \(totals.targeted) residents), \(mark) the \(Self.percent(report.reachTarget)) target",
        ]
        if report.smsSegments > 0 { lines.append("SMS segments: \(report.smsSegments)") }
        lines += ["", listing(report).text]
        return lines.joined(separator: "\n")
    }

    static func percent(_ value: Double) -> String {
        String(format: "%.1f %%", value * 100)
    }
}
