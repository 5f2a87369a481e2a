import ArgumentParser
import Foundation
import LoaConfig
import LoaCore
import LoaServer

/// `loa notice create` (SPEC §3): stores the notice and one queued message per targeted resident.
struct NoticeCreate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Create a notice and queue its messages.",
        discussion: """
            Times are ISO 8601 or 'YYYY-MM-DD HH:MM' in the commune's time zone. A convocation \
            expires at its meeting (--meeting, else --expires) and asks for acknowledgement unless --no-ack.
            """
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: FormatOption

    @Option(help: "convocation, notice or alert.")
    var kind: NoticeKind = .notice

    @Option(help: "A short title.")
    var title: String

    @Option(help: "The text residents receive.")
    var body: String?

    @Option(help: "Read the text from a UTF-8 file.")
    var bodyFile: String?

    @Option(name: .customLong("to"), help: "all, hamlet:NAME, group:NAME or phone:NUMBER (repeatable).")
    var audience: [String] = []

    @Option(help: "When to send (default now).")
    var at: String?

    @Option(help: "After this time nothing more is sent.")
    var expires: String?

    @Option(help: "The meeting's start, for convocations.")
    var meeting: String?

    @Option(help: "Where the meeting takes place.")
    var place: String?

    @Option(help: "zalo>sms (fallback chain), zalo+sms (both), or one channel.")
    var channels: String?

    @Option(help: "Remind residents who have not acknowledged this long before the meeting/expiry (repeatable: 24h, 2h).")
    var remind: [String] = []

    @Flag(help: "Do not ask residents to acknowledge.")
    var noAck = false

    @Option(help: "normal, or urgent (ignores quiet hours).")
    var priority: NoticePriority = .normal

    @Flag(help: "Show the SMS text with and without accents, its segments and costs; store nothing.")
    var preview = false

    func run() async throws {
        let configuration = try global.configuration()
        let draft = try makeDraft(configuration)
        let store = try await global.store()
        var resolved = draft
        resolved.audience = try await NameLookup.selectors(draft.audience, in: store)
        if preview {
            let count = try await store.countAudience(resolved.audience)
            let shown = NoticePreview(
                draft: resolved, configuration: configuration, targeted: count.targeted, unreachable: count.unreachable)
            if output.format == .json { try JSONOutput.print(shown) } else { Terminal.out(shown.text) }
            return
        }
        if let misfit = try await ZNSNoticeFit.refusal(resolved, configuration: configuration, store: store) {
            throw UserError(misfit)
        }
        let notice = try await store.createNotice(resolved)
        let zone = configuration.commune.timeZone
        if output.format == .json {
            try JSONOutput.print(NoticeJSON(notice, zone: zone))
        } else {
            Terminal.out(notice.id)
            Terminal.info(
                "\(notice.draft.kind.rawValue) '\(notice.draft.title)' queued for \(notice.messageCount) residents, "
                    + "sending from \(TimeText.short(notice.draft.sendAt, in: zone)) via \(notice.draft.channels)")
        }
    }

    func makeDraft(_ configuration: LoaConfiguration, now: Date = Date()) throws -> NoticeDraft {
        var request = NoticeRequest()
        request.kind = kind
        request.title = title
        request.body = try bodyText()
        request.to = audience
        request.at = at
        request.expires = expires
        request.meeting = meeting
        request.place = place
        request.channels = channels
        request.remind = remind
        request.ackRequired = noAck ? false : nil
        request.priority = priority
        do {
            return try request.draft(configuration: configuration, createdBy: Actor.cli, now: now) { "--" + $0 }
        } catch {
            throw UserError(error.description)
        }
    }

    private func bodyText() throws -> String {
        switch (body, bodyFile) {
        case (.some, .some): throw UserError("give either --body or --body-file, not both")
        case (nil, nil): throw UserError("the notice needs a text: --body TEXT or --body-file FILE")
        case (let text?, nil):
            guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw UserError("--body is empty") }
            return text
        case (nil, let path?):
            guard let data = FileManager.default.contents(atPath: path) else { throw UserError("cannot read \(path)") }
            guard let text = String(data: data, encoding: .utf8) else { throw UserError("\(path) is not UTF-8 text") }
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty else { throw UserError("\(path) is empty") }
            return trimmed
        }
    }
}

extension NoticeKind: ExpressibleByArgument {}
extension NoticePriority: ExpressibleByArgument {}
