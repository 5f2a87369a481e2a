import Foundation
import LoaConfig
import LoaCore

/// A notice as `loa notice create`'s flags or `POST /api/notices`'s body name it (SPEC §3, §5),
/// checked into a ``NoticeDraft``. Errors name the field the way the caller spelled it.
public struct NoticeRequest: Decodable, Sendable {
    public var kind: NoticeKind = .notice
    public var title: String = ""
    public var body: String = ""
    public var to: [String] = []
    public var at: String?
    public var expires: String?
    public var meeting: String?
    public var place: String?
    public var channels: String?
    public var remind: [String] = []
    public var ackRequired: Bool?
    public var priority: NoticePriority = .normal

    /// A field the caller got wrong, with a message naming it.
    public struct Invalid: Error, CustomStringConvertible {
        public let description: String
    }

    public init() {}

    enum CodingKeys: String, CodingKey {
        case kind, title, body, to, at, expires, meeting, place, channels, remind, priority
        case ackRequired = "ack_required"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        kind = try container.decodeIfPresent(NoticeKind.self, forKey: .kind) ?? .notice
        title = try container.decodeIfPresent(String.self, forKey: .title) ?? ""
        body = try container.decodeIfPresent(String.self, forKey: .body) ?? ""
        to = try container.decodeIfPresent([String].self, forKey: .to) ?? []
        at = try container.decodeIfPresent(String.self, forKey: .at)
        expires = try container.decodeIfPresent(String.self, forKey: .expires)
        meeting = try container.decodeIfPresent(String.self, forKey: .meeting)
        place = try container.decodeIfPresent(String.self, forKey: .place)
        channels = try container.decodeIfPresent(String.self, forKey: .channels)
        remind = try container.decodeIfPresent([String].self, forKey: .remind) ?? []
        ackRequired = try container.decodeIfPresent(Bool.self, forKey: .ackRequired)
        priority = try container.decodeIfPresent(NoticePriority.self, forKey: .priority) ?? .normal
    }

    /// The draft, or the first problem; `flag` spells a field name (`{ "--" + $0 }` on the command line).
    public func draft(
        configuration: LoaConfiguration, createdBy: String, now: Date = Date(), flag: (String) -> String = { $0 }
    ) throws(Invalid) -> NoticeDraft {
        let zone = configuration.commune.timeZone
        func fail(_ message: String) -> Invalid { Invalid(description: message) }
        func time(_ text: String?, _ field: String) throws(Invalid) -> Date? {
            guard let text else { return nil }
            guard let date = TimeText.parse(text, in: zone, now: now) else {
                throw fail("\(flag(field)) '\(text)' is not a time: use ISO 8601 or 'YYYY-MM-DD HH:MM'")
            }
            return date
        }
        guard !title.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw fail("\(flag("title")) is empty") }
        guard !body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw fail("\(flag("body")) is empty") }
        guard !to.isEmpty else {
            throw fail("say who receives it with \(flag("to")) (all, hamlet:NAME, group:NAME, phone:NUMBER)")
        }
        var selectors: [AudienceSelector] = []
        for text in to {
            do { selectors.append(try AudienceSelector(parsing: text)) } catch { throw fail("\(flag("to")): \(error)") }
        }
        let policy = try channelPolicy(configuration, flag: flag)
        let sendAt = try time(at, "at") ?? now
        let meetingAt = try time(meeting, "meeting")
        let expiresAt = try time(expires, "expires")
        if kind == .convocation, meetingAt == nil, expiresAt == nil {
            throw fail("a convocation needs its meeting time: \(flag("meeting")) TIME (or \(flag("expires")) TIME)")
        }
        if let end = expiresAt ?? (kind == .convocation ? meetingAt : nil) {
            guard end > sendAt else {
                throw fail("the notice would expire before it is sent: check \(flag("at")) and \(flag("expires"))/\(flag("meeting"))")
            }
            guard end > now else { throw fail("the expiry/meeting time is already past") }
        }
        let limits = configuration.limits
        guard remind.count <= limits.remindersPerNotice else {
            throw fail("\(flag("remind")): at most \(limits.remindersPerNotice) reminders per notice ([limits] reminders_per_notice), not \(remind.count)")
        }
        var reminders: [Duration] = []
        for text in remind {
            do { reminders.append(try DurationText.parse(text)) } catch { throw fail("\(flag("remind")): \(error)") }
        }
        if !reminders.isEmpty, meetingAt == nil, expiresAt == nil {
            throw fail("\(flag("remind")) needs a meeting or expiry time to count back from")
        }
        let draft = NoticeDraft(
            kind: kind, title: title, body: body, audience: selectors, channels: policy, sendAt: sendAt,
            expiresAt: expiresAt, meetingAt: meetingAt, place: place, ackRequired: ackRequired,
            reminders: reminders.sorted(by: >), priority: priority, createdBy: createdBy)
        if let refusal = Self.templateRefusal(draft, configuration: configuration, flag: flag) { throw fail(refusal) }
        if let segments = Self.smsSegments(draft, configuration: configuration), segments > limits.smsSegments {
            throw fail(
                "\(flag("body")): the SMS would take \(segments) parts; at most \(limits.smsSegments) are allowed "
                    + "([limits] sms_segments): shorten the title or text")
        }
        return draft
    }

    /// The most SMS parts one message of `draft` takes on the SMS channels it may use, or nil when it
    /// uses none. Without configured channels every name is assumed to be able to carry SMS, accented.
    static func smsSegments(_ draft: NoticeDraft, configuration: LoaConfiguration) -> Int? {
        let preview = NoticePreview(draft: draft, configuration: configuration, targeted: 0, unreachable: 0)
        if configuration.channels.isEmpty { return preview.accented.segments }
        return preview.channels.filter { draft.channels.channels.contains($0.name) }.map(\.segments).max()
    }

    /// The channel chain, checked against the configured channel names when there are any.
    private func channelPolicy(_ configuration: LoaConfiguration, flag: (String) -> String) throws(Invalid) -> ChannelPolicy {
        let configured = configuration.channels.map(\.name)
        let text = channels ?? (configured.isEmpty ? "zalo>sms" : configured.joined(separator: ">"))
        let policy: ChannelPolicy
        do { policy = try ChannelPolicy(parsing: text) } catch {
            throw Invalid(description: "\(flag("channels")): \(error)")
        }
        for name in policy.channels where !configured.isEmpty && !configured.contains(name) {
            throw Invalid(
                description: "\(flag("channels")): no channel named '\(name)' in \(configuration.source) "
                    + "(configured: \(configured.joined(separator: ", ")))")
        }
        return policy
    }
}
