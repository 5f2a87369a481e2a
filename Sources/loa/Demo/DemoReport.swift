import Foundation
import LoaCore
import LoaSimulator
import LoaStore

/// The demo's closing table: per channel what Loa recorded, next to what the simulator saw.
enum DemoReport {
    static func make(
        notice: Notice, store: any Store, simulator: GatewaySimulator, options: SimulatorOptions, seconds: Double
    ) async throws -> String {
        let summary = try await store.attemptSummary(notice: notice.id)
        let states = try await store.messageCounts(notice: notice.id)
        let stats = simulator.stats(includingKeys: false)
        var listing = Listing(["channel", "attempts", "accepted", "fell back", "retried", "failed"])
        for channel in ["zalo", "sms"] {
            let outcomes = summary[channel] ?? [:]
            let retried = (outcomes["retry"] ?? 0) + (outcomes["throttled"] ?? 0)
            listing.append([
                channel, String(outcomes.values.reduce(0, +)), String(outcomes["accepted"] ?? 0),
                String(outcomes["fallback"] ?? 0), String(retried), String(outcomes["failed"] ?? 0),
            ])
        }
        let residents = try await store.residents(hamlet: nil, group: nil)
        let withoutZalo = residents.filter { resident in
            resident.phone.map { !options.residentHasZalo(phone: $0.e164) } ?? false
        }.count
        let accepted = states.filter { $0.key.rank >= MessageState.accepted.rank }.values.reduce(0, +)
        let zns = stats[.zaloZNS], esms = stats[.esms]
        var lines = [
            "",
            "Convocation \(notice.id) \"\(notice.draft.title)\" to \(notice.messageCount) residents, "
                + String(format: "sent in %.1f s (%.0f messages/s)", seconds, Double(notice.messageCount) / max(seconds, 0.001)),
            "",
            listing.text,
            "",
            "messages: \(accepted) taken by a gateway, \(states[.failed] ?? 0) failed (undelivered), \(states[.expired] ?? 0) expired"
                + ((states[.queued] ?? 0) + (states[.sending] ?? 0) > 0
                    ? ", \((states[.queued] ?? 0) + (states[.sending] ?? 0)) still waiting" : ""),
            "fallback: the simulator gives \(withoutZalo) residents no Zalo account; Zalo refused "
                + "\(zns.rejected(-118)) with -118 and Loa sent them an SMS (\(summary["zalo"]?["fallback"] ?? 0) fallbacks)",
            "simulator: Zalo ZNS \(zns.sends) requests, \(zns.accepted) accepted, \(zns.serverErrors) 5xx, \(zns.throttled) 429; "
                + "eSMS \(esms.sends) requests, \(esms.accepted) accepted, \(esms.serverErrors) 5xx, \(esms.throttled) 429",
            "",

        ]
        if zns.accepted != summary["zalo"]?["accepted"] ?? 0 || esms.accepted != summary["sms"]?["accepted"] ?? 0 {
            lines.append("warning: Loa's records and the simulator's counts differ")
        }
        return lines.joined(separator: "\n")
    }
}

extension DemoReport {
    /// Reach per hamlet as Loa measured it, and the simulator's own count of opens (per app) and
    /// confirmations, with the link previews that must count for nobody.
    static func reachTable(_ report: ReachReport, simulator: GatewaySimulator) -> String {
        var listing = Listing(["hamlet", "targeted", "delivered", "opened", "acknowledged", "reach"])
        for row in report.rows + [ReachReport.Row(key: "total", counts: report.totals)] {
            let counts = row.counts
            listing.append(
                [row.key] + [counts.targeted, counts.delivered, counts.opened, counts.acknowledged].map(String.init)
                    + [percent(counts.reach)])
        }
        let stats = simulator.stats(includingKeys: false)
        let opens = stats.residentsOpened
        let acks = stats.residentsAcknowledged
        let totals = report.totals
        let verdict = opens == totals.opened && acks == totals.acknowledged
            ? "they match Loa's counts" : "warning: Loa counted \(totals.opened) opens and \(totals.acknowledged) acknowledgements"
        let apps = "\(stats.residentsOpened(in: .zalo)) inside Zalo, \(stats.residentsOpened(in: .facebook)) in "
            + "Facebook or Messenger, \(stats.residentsOpened(in: .browser)) in another browser"
        return [
            "",
            "Reach per hamlet (target \(String(format: "%.0f %%", report.reachTarget * 100))):",
            listing.text,
            "",
            "the simulated residents: \(opens) opened their link (\(apps)) and \(acks) confirmed; "
                + "link previews read \(stats.previewFetches) pages and opened nothing; \(verdict)",
        ].joined(separator: "\n")
    }

    /// The closing lines: the reach Loa measured next to the reach the simulated residents really
    /// had (people who opened or confirmed ÷ targeted residents).
    static func reachLines(_ report: ReachReport, simulator: GatewaySimulator) -> String {
        let totals = report.totals
        let reached = simulator.stats(includingKeys: false).residentsReached
        let real = totals.targeted == 0 ? 0 : Double(reached) / Double(totals.targeted)
        return [
            "reach Loa measured: \(percent(totals.reach)) (\(totals.reached) of \(totals.targeted) targeted residents "
                + "opened or confirmed)",
            "reach the simulated residents really had: \(percent(real)) (\(reached) of \(totals.targeted))",
        ].joined(separator: "\n")
    }

    /// `72.3 %`.
    private static func percent(_ share: Double) -> String {
        String(format: "%.1f %%", share * 100)
    }
}
