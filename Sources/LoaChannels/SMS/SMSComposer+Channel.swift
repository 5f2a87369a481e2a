import LoaConfig
import LoaCore

extension SMSComposer {
    /// What `channel` sends for `message`: a registered template when it has one that fits, else free
    /// text where the channel allows it; the one rendering every SMS adapter puts on the wire.
    public static func rendering(
        for message: OutboundMessage, channel: ChannelConfig
    ) -> Result<SMSRendering, SMSTemplateRefusal> {
        guard !channel.templates.isEmpty else {
            return .success(SMSRendering(template: nil, body: body(for: message, folding: channel.foldDiacritics)))
        }
        return SMSTemplateRenderer.choose(
            for: channel, values: SMSTemplateValues(message: message, commune: channel.communeName)
        ) { body(for: message, folding: channel.foldDiacritics) }
    }

    /// The text `channel` sends for `message`; a message no registered template can carry (a name
    /// longer than its slot, a missing value) fails permanently, so the next channel is tried.
    public static func body(for message: OutboundMessage, channel: ChannelConfig) throws(SendError) -> SMSBody {
        switch rendering(for: message, channel: channel) {
        case .success(let rendering): return rendering.body
        case .failure(let refusal): throw SendError(.permanent, refusal.description)
        }
    }
}
