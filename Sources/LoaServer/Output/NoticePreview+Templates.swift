import LoaChannels
import LoaConfig
import LoaCore

extension NoticePreview {
    /// One channel's template choice with a stand-in resident, and the chosen template's text with
    /// its values kept accented and folded (for the cost comparison).
    struct TemplateSample {
        var chosen: Result<SMSRendering, SMSTemplateRefusal>
        var accented: SMSBody
        var folded: SMSBody
    }

    /// The message every preview renders: the notice with stand-ins of the real length for what only
    /// `loa run` knows (the resident's link token, the notice's short code).
    static func message(draft: NoticeDraft, configuration: LoaConfiguration) -> OutboundMessage {
        let link = configuration.server.publicURL + "/m/" + String(repeating: "x", count: Self.linkTokenLength)
        return OutboundMessage(
            messageID: 0, idempotencyKey: "preview", noticeID: "preview",
            shortCode: String(repeating: "X", count: ShortCode.length), kind: draft.kind,
            title: draft.title, body: draft.body, link: link, recipient: .init(name: "", phone: nil),
            meetingAt: draft.meetingAt, place: draft.place, expiresAt: draft.expiresAt,
            timeZone: configuration.commune.timeZone)
    }

    /// The template `channel` would use for `message`, with a stand-in resident as long as each
    /// `{name}`/`{hamlet}` slot allows; nil when the channel has no templates (free text).
    static func sample(_ message: OutboundMessage, channel: ChannelConfig, commune: String) -> TemplateSample? {
        guard !channel.templates.isEmpty else { return nil }
        var values = SMSTemplateValues(message: message, commune: commune)
        values.residentStandIn = true
        let chosen = SMSTemplateRenderer.choose(for: channel, values: values) {
            SMSComposer.body(for: message, folding: channel.foldDiacritics)
        }
        guard case .success(let rendering) = chosen,
            let template = channel.templates.first(where: { $0.name == rendering.template })
        else { return TemplateSample(chosen: chosen, accented: SMSComposer.body(for: message, folding: .never),
                                     folded: SMSComposer.body(for: message, folding: .always)) }
        func render(_ folding: DiacriticFolding) -> SMSBody {
            (try? SMSTemplateRenderer.render(template, values: values, folding: folding, maxSegments: .max).get())
                ?? rendering.body
        }
        return TemplateSample(chosen: chosen, accented: render(.never), folded: render(.always))
    }
}
