import Foundation
import LoaConfig
import LoaCore

/// A message field a ZNS template parameter can carry: the values of the `template_params` table.
public enum ZaloZNSField: String, Sendable, CaseIterable {
    case title, body, link, name, hamlet, place, notice
    case meetingAt = "meeting_at"
    case shortCode = "short_code"
    /// The resident's link token alone, for a button whose URL Zalo registered as
    /// `{public_url}/m/<param>` (gateways.md §13).
    case linkToken = "link_token"

    /// The field's text for `message`, or nil when the message has none.
    func value(in message: OutboundMessage) -> String? {
        switch self {
        case .title: message.title
        case .body: message.body
        case .link: message.link
        case .linkToken: message.linkToken
        case .name: message.recipient.name
        case .hamlet: message.recipient.hamlet
        case .place: message.place
        case .notice: message.noticeID
        case .shortCode: message.shortCode
        case .meetingAt: message.meetingAt.map { Self.meetingText($0, in: message.timeZone) }
        }
    }

    /// `HH:mm dd/MM/yyyy` on the commune's clock, as Vietnamese notices write a meeting time.
    static func meetingText(_ date: Date, in zone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(
            format: "%02d:%02d %02d/%02d/%04d",
            parts.hour ?? 0, parts.minute ?? 0, parts.day ?? 0, parts.month ?? 0, parts.year ?? 0)
    }
}

/// How one approved ZNS template is filled: registered parameter name → message field.
///
/// Zalo rejects empty or missing parameters (-111, -1122, gateways.md §1.5) and advises validating
/// before sending, so a message that lacks a mapped field fails here instead of at Zalo.
public struct ZaloZNSTemplate: Sendable, Equatable {
    /// The template's parameters in name order, so request bodies are stable.
    public let parameters: [Parameter]

    /// One `template_params` entry.
    public struct Parameter: Sendable, Equatable {
        public var name: String
        public var field: ZaloZNSField
    }

    /// Reads the `template_params` table of channel `channel`; no table means a template without parameters.
    public init(table: [String: String]?, channel: String) throws(ConfigError) {
        var parameters: [Parameter] = []
        for (name, fieldName) in (table ?? [:]).sorted(by: { $0.key < $1.key }) {
            guard let field = ZaloZNSField(rawValue: fieldName) else {
                let known = ZaloZNSField.allCases.map(\.rawValue).joined(separator: ", ")
                throw ConfigError(
                    "channel \(channel): template_params.\(name) = '\(fieldName)' is not a message field; "
                        + "expected one of \(known)")
            }
            parameters.append(Parameter(name: name, field: field))
        }
        self.parameters = parameters
    }

    /// Writes `template_data` for `message` into `json`; with `info`, a value longer than its
    /// parameter's `maxLength` is refused here rather than sent for Zalo's `-1121` (§13).
    func write(_ message: OutboundMessage, into json: inout JSONText, info: ZaloZNSTemplateInfo? = nil) throws(SendError) {
        var values: [(String, String)] = []
        for parameter in parameters {
            guard let value = parameter.field.value(in: message), !value.isEmpty else {
                throw SendError(
                    .permanent,
                    "template parameter \(parameter.name) needs the message's \(parameter.field.rawValue), which is empty")
            }
            // gateways.md §7: NFC, as Zalo counts the registered maximum lengths in characters.
            let text = value.precomposed
            if let limit = info?.param(parameter.name)?.maxLength, text.count > limit {
                throw SendError(
                    .permanent,
                    "template parameter \(parameter.name) takes at most \(limit) characters; "
                        + "the \(parameter.field.rawValue) has \(text.count)",
                    gatewayCode: "-1121")
            }
            values.append((parameter.name, text))
        }
        json.add("template_data") { data in
            for (name, value) in values { data.add(name, value) }
        }
    }
}
