import Foundation
import Hummingbird
import LoaCore
import LoaHTTP
import LoaStore

extension ChannelsPage {
    /// `POST /channels/check` (optional field `channel`): asks every gateway (or that one) what `loa channels check` asks (credentials,
    /// balance, templates, callbacks; nothing is sent to residents) through the server's own
    /// adapters, and shows the findings under each channel.
    func check(_ request: DashboardRequest) async throws -> Response {
        try RepliesPage.requireAdmin(request)
        let client = HTTPClient(configuration: .init(maxConnectionsPerHost: 4))
        defer { client.shutdown() }
        var channels = setup.configuration.channels
        // One channel's own button checks that channel only.
        if let name = request.form["channel"], !name.isEmpty {
            guard let channel = setup.configuration.channel(named: name) else { throw DashboardRefusal(status: .notFound, key: "ch.unknown") }
            channels = [channel]
        }
        let run = ChannelCheckRun(configuration: setup.configuration, transport: client)
        let reports = await run.reports(for: channels, running: setup.adapters)
        return try await render(request, Outcome(findings: reports))
    }

    /// `POST /channels/:name/test`: sends a short Vietnamese text to the signed-in staff member's
    /// own phone (their account's, or the form's `phone` for a token sign-in) through that
    /// channel only; audited as `channel.test` with the outcome, which the page shows.
    func testSend(_ name: String, _ request: DashboardRequest) async throws -> Response {
        try RepliesPage.requireAdmin(request)
        let text = request.text
        guard setup.configuration.channel(named: name) != nil else {
            throw DashboardRefusal(status: .notFound, key: "ch.unknown")
        }
        let given = StaffPhone.of(request.identity) ?? (try? PhoneNumber(parsing: request.form["phone"] ?? ""))
        guard let phone = given else {
            let outcome = Outcome(test: (name, false, text["ch.test.badphone"]))
            return try await render(request, outcome, status: .badRequest)
        }
        let clock = DateFormatter()
        clock.dateFormat = "HH:mm"
        clock.timeZone = pages.zone
        let message = "Loa: tin nhắn thử của \(setup.configuration.commune.name) qua kênh \(name) lúc \(clock.string(from: setup.now())). "
            + "Không cần trả lời."
        let ok: Bool
        let detail: String
        do {
            let took = try await StaffMessenger(setup: setup).send(message, to: phone, channel: name)
            ok = true
            detail = "sent to \(phone.e164) through \(took)"
        } catch {
            ok = false
            detail = "failed to \(phone.e164): \(error)"
        }
        try await setup.store.recordStaffAction(
            actor: request.identity.actor, action: "channel.test", subject: name, detail: detail, at: setup.now())
        let shown = ok
            ? "\(text["ch.test.sent"]) \(name) \(text["ch.test.to"]) \(phone.national)."
            : "\(text["ch.test.failed"]) \(name): \(detail)"
        return try await render(request, Outcome(test: (name, ok, shown)), status: ok ? .ok : .badGateway)
    }
}
