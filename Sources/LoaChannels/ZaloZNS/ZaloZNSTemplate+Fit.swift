import Foundation
import LoaCore

extension ZaloZNSTemplate {
    /// What is wrong with this mapping for the template Zalo describes, one line each naming
    /// `channel` and the parameter; empty when every parameter is filled and every mapping lands.
    public func problems(against info: ZaloZNSTemplateInfo, channel: String) -> [String] {
        var problems: [String] = []
        let mapped = Set(parameters.map(\.name))
        for param in info.params where !mapped.contains(param.name) && (param.required || !param.acceptNull) {
            problems.append(
                "channel \(channel): template \(info.templateID) parameter \(param.name) has no template_params mapping")
        }
        let known = info.params.map(\.name).joined(separator: ", ")
        for parameter in parameters {
            guard let param = info.param(parameter.name) else {
                problems.append(
                    "channel \(channel): template_params.\(parameter.name) names no parameter of template "
                        + "\(info.templateID) (it has: \(known.isEmpty ? "none" : known))")
                continue
            }
            if param.isURL && parameter.field == .link {
                // §13: Zalo keeps the `https://<verified domain>/…` prefix itself; a full URL breaks the button.
                problems.append(
                    "channel \(channel): template_params.\(parameter.name) = 'link' fills a button URL; "
                        + "map 'link_token' and register the button URL as {public_url}/m/<\(parameter.name)>")
            }
        }
        return problems
    }

    /// What would not fit for every resident of a notice with these fields: a title, body, place or
    /// meeting time longer than its parameter's `maxLength`. `reminders` adds the reminder prefix to
    /// the title, as reminders carry it.
    public func noticeProblems(
        title: String, body: String, place: String?, meetingAt: Date?, reminders: Bool, zone: TimeZone,
        info: ZaloZNSTemplateInfo, channel: String
    ) -> [String] {
        var problems: [String] = []
        for parameter in parameters {
            guard let limit = info.param(parameter.name)?.maxLength else { continue }
            let value: String? = switch parameter.field {
            case .title: (reminders ? OutboundMessage.reminderPrefix : "") + title
            case .body: body
            case .place: place
            case .meetingAt: meetingAt.map { ZaloZNSField.meetingText($0, in: zone) }
            default: nil
            }
            guard let count = value?.precomposed.count, count > limit else { continue }
            problems.append(
                "channel \(channel): the \(parameter.field.rawValue) has \(count) characters; template parameter "
                    + "\(parameter.name) takes at most \(limit)" + (parameter.field == .title && reminders
                        ? " (reminders add '\(OutboundMessage.reminderPrefix)')" : ""))
        }
        return problems
    }
}
