import LoaChannels
import LoaConfig
import LoaCore

/// The `templates` findings of `loa channels check`: which registered SMS templates a channel
/// declares, and whether each renders a typical notice within `[limits] sms_segments`.
enum ChannelCheckTemplates {
    /// A typical commune notice: a meeting with a place, a time and a resident link; the resident's
    /// name and hamlet are long stand-ins, as `notice create` checks them.
    static func typicalValues(commune: String, publicURL: String) -> SMSTemplateValues {
        SMSTemplateValues(
            values: [
                .commune: commune, .title: "Họp dân bàn kế hoạch làm đường liên thôn",
                .body: "Mời đại diện mỗi hộ gia đình đến dự họp, mang theo sổ hộ khẩu.",
                .place: "Nhà văn hóa thôn", .meetingAt: "19:30 12/12/2026", .shortCode: "K7M2",
                .link: publicURL + "/m/" + String(repeating: "x", count: 22),
            ],
            residentStandIn: true)
    }

    /// The `templates` findings of one channel (none for channels that are not SMS).
    static func findings(for channel: ChannelConfig, commune: String, publicURL: String) -> [ChannelCheckItem] {
        guard channel.kind.isSMS else { return [] }
        guard !channel.templates.isEmpty else {
            return channel.freeText
                ? [ChannelCheckItem("templates", .ok, "free text: no [[channels.templates]] needed on this route")]
                : [ChannelCheckItem("templates", .failed, "no [[channels.templates]] and free_text = false: nothing can be sent")]
        }
        let values = typicalValues(commune: commune, publicURL: publicURL)
        var findings: [ChannelCheckItem] = []
        for template in channel.templates {
            switch SMSTemplateRenderer.render(
                template, values: values, folding: channel.foldDiacritics, maxSegments: channel.maxSegments)
            {
            case .success(let body):
                let coding = body.needsUnicode ? "UCS-2" : "GSM-7"
                let parts = body.info.segments
                findings.append(ChannelCheckItem(
                    "templates", .ok,
                    "'\(template.name)' renders a typical notice in \(parts) segment\(parts == 1 ? "" : "s") (\(coding), limit \(channel.maxSegments))"))
            case .failure(let mismatch):
                findings.append(ChannelCheckItem("templates", .warning, "'\(template.name)' cannot carry a typical notice: \(mismatch)"))
            }
        }
        if !channel.freeText, !findings.contains(where: { $0.status == .ok }) {
            findings.append(ChannelCheckItem(
                "templates", .failed, "no registered template carries a typical notice and free_text = false: most notices would be refused"))
        }
        return findings
    }
}
