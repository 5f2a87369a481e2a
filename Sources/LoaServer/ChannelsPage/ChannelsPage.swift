import Foundation
import Hummingbird
import LoaChannels
import LoaConfig
import LoaCore
import LoaStore

/// The channels page (issue 19, admins): each configured channel's kind, rate, place in the
/// configuration, health, Zalo token, ZNS quota and the callback URLs to register (as
/// `loa channels` prints them), with "Kiểm tra" (`loa channels check`) and a test send per channel.
struct ChannelsPage: Sendable {
    let pages: DashboardPages
    var setup: ServerSetup { pages.setup }

    /// What a POST adds to the page: the check's findings or a test send's outcome.
    struct Outcome {
        var findings: [ChannelCheckReport] = []
        var test: (channel: String, ok: Bool, message: String)?
    }

    /// `GET /channels`.
    func list(_ request: DashboardRequest) async throws -> Response {
        try RepliesPage.requireAdmin(request)
        return try await render(request, Outcome())
    }

    /// The page with `outcome` shown beside the channels it concerns.
    func render(_ request: DashboardRequest, _ outcome: Outcome, status: HTTPResponse.Status = .ok) async throws -> Response {
        let text = request.text
        let show = request.query["show"] == "1"
        let health = await setup.health()
        let now = setup.now()
        var channels: [[String: Any]] = []
        for (index, channel) in setup.configuration.channels.enumerated() {
            let state = try await ChannelStatus.read(channel, store: setup.store, now: now)
            var values: [String: Any] = [
                "name": channel.name, "kind": channel.kind.rawValue, "rate": channel.rate?.description ?? "—", "order": index + 1,
                "statusLine": state.line, "testAction": "/channels/\(FormEncoding.escape(channel.name))/test",
            ]
            values["receiptWait"] = channel.receiptTimeout.map { "\($0.components.seconds / 60)" }
            let exhausted = state.quota?.isExhausted(at: now) ?? false
            let healthy = health[channel.name].map { $0.hasPrefix("ok") } ?? true
            values["healthOK"] = healthy && !exhausted
            values["health"] = exhausted ? "quota_exhausted" : healthy ? text["ch.ok"] : (health[channel.name] ?? "degraded")
            values["token"] = tokenWords(state.token, text)
            if channel.kind == .zaloZNS { values["quota"] = quotaWords(state.quota, now: now, text) }
            values["urls"] = urls(channel, show: show, text)
            values["findings"] = outcome.findings.first { $0.channel == channel.name }.map { report in
                report.checks.map { item -> [String: Any] in
                    ["check": item.check, "status": text["ch." + item.status.rawValue], "ok": item.status == .ok,
                     "bad": item.status == .failed, "detail": item.detail]
                }
            }
            values["hasFindings"] = values["findings"] != nil
            if let test = outcome.test, test.channel == channel.name {
                values["test"] = ["ok": test.ok, "message": test.message] as [String: Any]
            }
            channels.append(values)
        }
        let values: [String: Any] = [
            "channels": channels, "none": channels.isEmpty, "show": show, "checked": !outcome.findings.isEmpty,
            "needsPhone": StaffPhone.of(request.identity) == nil,
        ]
        return pages.render(request, "channels/list", title: text["nav.channels"], values, status: status)
    }

    /// The Zalo token's state in words: expiry, last refresh, failure.
    private func tokenWords(_ token: ChannelStatus.Token, _ text: DashboardText) -> String? {
        switch token {
        case .none: return nil
        case .configured: return text["ch.token.configured"]
        case .missing: return text["ch.token.missing"]
        case .stored(let stored):
            let times = "\(text["ch.token.expires"]) \(TimeText.short(stored.expiresAt, in: pages.zone)); "
                + "\(text["ch.token.refreshed"]) \(TimeText.short(stored.refreshedAt, in: pages.zone))"
            return stored.failure.map { "\(text["ch.token.failure"]) \($0) (\(times))" } ?? times
        }
    }

    /// Today's ZNS quota in words.
    private func quotaWords(_ quota: ChannelQuota?, now: Date, _ text: DashboardText) -> String {
        guard let quota else { return text["ch.quota.unknown"] }
        if quota.isExhausted(at: now) { return "\(text["ch.quota.out"]) \(TimeText.short(quota.resetsAt, in: pages.zone))" }
        let of = quota.daily.map { " \(text["ch.quota.of"]) \($0)" } ?? ""
        return "\(text["ch.quota.left"]) \(quota.remaining)\(of)".trimmingCharacters(in: .whitespaces)
    }

    /// The callback URLs to register, as `loa channels` prints them: Zalo's one URL per app.
    private func urls(_ channel: ChannelConfig, show: Bool, _ text: DashboardText) -> [String: Any]? {
        if let zalo = setup.zaloWebhook(channel: channel.name) {
            let shared = zalo.channels.filter { $0 != channel.name }
            return ["zalo": show ? zalo.urls.status : zalo.urls.masked.status, "shared": shared.joined(separator: ", "), "isShared": !shared.isEmpty]
        }
        guard let hooks = setup.hookURLs(channel: channel.name) else { return nil }
        let registered = (show ? hooks : hooks.masked).registered(for: channel.kind)
        var urls: [String: Any] = [:]
        if let status = registered.status { urls["status"] = status }
        if let inbound = registered.inbound { urls["inbound"] = inbound }
        return urls.isEmpty ? nil : urls
    }
}
