import LoaConfig

/// The text a channel sends for one message, and the registered template it came from.
public struct SMSRendering: Sendable, Equatable {
    /// The template's name, or nil for free text.
    public var template: String?
    public var body: SMSBody

    public init(template: String?, body: SMSBody) {
        self.template = template
        self.body = body
    }
}

/// Why one template cannot carry a message.
public enum SMSTemplateMismatch: Error, Sendable, Equatable, CustomStringConvertible {
    /// The message has no value for this slot (a notice without `--place`, a resident without hamlet).
    case noValue(SMSSlot)
    /// The value is longer than the slot's registered length.
    case tooLong(SMSSlot, length: Int)
    /// The rendering takes more parts than `[limits] sms_segments`.
    case tooManySegments(Int, limit: Int)

    public var description: String {
        switch self {
        case .noValue(let slot): "\(slot.written) has no value"
        case .tooLong(let slot, let length): "\(slot.written) gets \(length) characters, over its limit of \(slot.maxLength ?? 0)"
        case .tooManySegments(let count, let limit): "the text takes \(count) segments, over [limits] sms_segments = \(limit)"
        }
    }
}

/// Why no template of a non-free-text channel can carry a message: each template's first mismatch.
public struct SMSTemplateRefusal: Error, Sendable, Equatable, CustomStringConvertible {
    public var channel: String
    public var mismatches: [(template: String, mismatch: SMSTemplateMismatch)]

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.channel == rhs.channel && lhs.mismatches.elementsEqual(rhs.mismatches) { $0 == $1 }
    }

    public var description: String {
        "channel \(channel): no registered template fits ("
            + mismatches.map { "'\($0.template)': \($0.mismatch)" }.joined(separator: "; ") + ")"
    }
}
