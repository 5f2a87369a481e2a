import LoaChannels
import LoaConfig
import LoaCore

extension NoticeRequest {
    /// Why a channel of the notice's chain that only sends registered templates (`free_text = false`)
    /// cannot carry it, or nil when each such channel has a template that fits (SPEC §4).
    ///
    /// `{name}` and `{hamlet}` are checked with a stand-in as long as their slot allows, so the
    /// refusal is about the notice; a resident whose own value is too long fails at send time and
    /// falls back to the next channel.
    static func templateRefusal(
        _ draft: NoticeDraft, configuration: LoaConfiguration, flag: (String) -> String
    ) -> String? {
        let message = NoticePreview.message(draft: draft, configuration: configuration)
        for name in draft.channels.channels {
            guard let channel = configuration.channel(named: name), channel.kind.isSMS, !channel.freeText else { continue }
            guard let sample = NoticePreview.sample(message, channel: channel, commune: configuration.commune.name),
                case .failure(let refusal) = sample.chosen
            else { continue }
            let reasons = refusal.mismatches.map { "'\($0.template)': \($0.mismatch)\(hint($0.mismatch, flag))" }
            return "channel \(name) sends only its registered templates and none fits this notice: "
                + reasons.joined(separator: "; ")
        }
        return nil
    }

    /// What the caller can change to make a template fit.
    private static func hint(_ mismatch: SMSTemplateMismatch, _ flag: (String) -> String) -> String {
        switch mismatch {
        case .noValue(let slot):
            switch slot.placeholder {
            case .place: " (give \(flag("place")))"
            case .meetingAt: " (give \(flag("meeting")))"
            default: ""
            }
        case .tooLong(let slot, _):
            switch slot.placeholder {
            case .title: " (shorten \(flag("title")))"
            case .body: " (shorten \(flag("body")))"
            case .place: " (shorten \(flag("place")))"
            case .commune: " ([commune] name)"
            default: ""
            }
        case .tooManySegments: " (shorten the title or text)"
        }
    }
}
