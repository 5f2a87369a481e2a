/// A value a registered SMS template can carry (`{name}` in `[[channels.templates]]` text).
///
/// The same fields ZNS `template_params` maps, plus `commune` (`[commune] name`).
public enum SMSPlaceholder: String, Sendable, CaseIterable {
    case commune, title, body, name, hamlet, place, link
    case meetingAt = "meeting_at"
    case shortCode = "short_code"

    /// Whether the value differs per resident (known only at send time, not at `notice create`).
    public var isResidentSpecific: Bool {
        self == .name || self == .hamlet
    }
}

/// One `{placeholder}` or `{placeholder:N}` in a template: what fills it and the most characters
/// the carrier registered for it.
public struct SMSSlot: Sendable, Equatable {
    public var placeholder: SMSPlaceholder
    /// The registered maximum length in characters, or nil when the template declares none.
    public var maxLength: Int?

    public init(_ placeholder: SMSPlaceholder, maxLength: Int? = nil) {
        self.placeholder = placeholder
        self.maxLength = maxLength
    }

    /// The slot as written in the template, e.g. `{name:30}`.
    public var written: String {
        "{" + placeholder.rawValue + (maxLength.map { ":\($0)" } ?? "") + "}"
    }
}
