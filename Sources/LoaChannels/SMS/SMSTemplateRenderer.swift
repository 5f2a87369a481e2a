import LoaConfig
import LoaCore

/// Fills registered SMS templates and picks the one a message goes out with (SPEC §4).
///
/// The literal text goes out exactly as registered; only the values are folded, under the channel's
/// `fold_diacritics`: `always` folds them, `never` keeps them, `auto` folds them only when that saves
/// segments. The first template in config order whose slots all get a value within their registered
/// length, and whose text fits `[limits] sms_segments`, is used.
public enum SMSTemplateRenderer {
    /// `template` filled from `values`, or the first reason it cannot be.
    public static func render(
        _ template: SMSTemplate, values: SMSTemplateValues, folding: DiacriticFolding, maxSegments: Int
    ) -> Result<SMSBody, SMSTemplateMismatch> {
        var filled: [String?] = []
        for part in template.parts {
            guard case .slot(let slot) = part else { filled.append(nil); continue }
            guard let value = values.value(for: slot) else { return .failure(.noValue(slot)) }
            if let limit = slot.maxLength, value.count > limit { return .failure(.tooLong(slot, length: value.count)) }
            filled.append(value)
        }
        let accented = body(template, filled, fold: false)
        let chosen: SMSBody
        switch folding {
        case .never: chosen = accented
        case .always: chosen = body(template, filled, fold: true)
        case .auto:
            let folded = body(template, filled, fold: true)
            chosen = folded.info.segments < accented.info.segments ? folded : accented
        }
        guard chosen.info.segments <= maxSegments else {
            return .failure(.tooManySegments(chosen.info.segments, limit: maxSegments))
        }
        return .success(chosen)
    }

    /// What `channel` sends with `values`: the first template that fits, free text when the channel
    /// allows it and none does, or the refusal listing why each template does not fit.
    public static func choose(
        for channel: ChannelConfig, values: SMSTemplateValues, freeText: () -> SMSBody
    ) -> Result<SMSRendering, SMSTemplateRefusal> {
        var mismatches: [(template: String, mismatch: SMSTemplateMismatch)] = []
        for template in channel.templates {
            switch render(template, values: values, folding: channel.foldDiacritics, maxSegments: channel.maxSegments) {
            case .success(let body): return .success(SMSRendering(template: template.name, body: body))
            case .failure(let mismatch): mismatches.append((template.name, mismatch))
            }
        }
        if channel.freeText { return .success(SMSRendering(template: nil, body: freeText())) }
        return .failure(SMSTemplateRefusal(channel: channel.name, mismatches: mismatches))
    }

    private static func body(_ template: SMSTemplate, _ filled: [String?], fold: Bool) -> SMSBody {
        var text = ""
        var folded = false
        for (part, value) in zip(template.parts, filled) {
            switch part {
            case .literal(let literal): text += literal
            case .slot:
                guard let value else { continue }
                let sent = fold ? value.foldedVietnamese : value
                folded = folded || sent != value
                text += sent
            }
        }
        return SMSBody(text: text, info: SMSText.measure(text), folded: folded)
    }
}
