import Foundation
import LoaConfig
import LoaCore

/// The values a notice and a resident give a template's placeholders, in NFC.
///
/// Fields shared with ZNS `template_params` come from ``ZaloZNSField`` so an SMS and a ZNS message
/// of one notice agree (meeting time as `HH:mm dd/MM/yyyy` on the commune's clock).
public struct SMSTemplateValues: Sendable, Equatable {
    public var values: [SMSPlaceholder: String]
    /// When set, `{name}` and `{hamlet}` get a stand-in as long as each slot allows (its declared
    /// length, else the stand-in's own): the worst case `notice create` and `--preview` check.
    public var residentStandIn: Bool

    public init(values: [SMSPlaceholder: String], residentStandIn: Bool = false) {
        self.values = values.filter { !$0.value.isEmpty }.mapValues(\.precomposed)
        self.residentStandIn = residentStandIn
    }

    /// The values one message carries; `commune` is `[commune] name`.
    public init(message: OutboundMessage, commune: String) {
        var values: [SMSPlaceholder: String] = [.commune: commune]
        for placeholder in SMSPlaceholder.allCases {
            if let field = Self.znsField[placeholder], let value = field.value(in: message) {
                values[placeholder] = value
            }
        }
        self.init(values: values)
    }

    /// A resident's name where none is known yet: a long but common Vietnamese full name.
    public static let nameStandIn = "Nguyễn Thị Phương Thảo"
    /// A hamlet's name where none is known yet.
    public static let hamletStandIn = "Thôn Thống Nhất"

    /// The text that fills `slot`, or nil when there is none.
    public func value(for slot: SMSSlot) -> String? {
        guard residentStandIn, slot.placeholder.isResidentSpecific else { return values[slot.placeholder] }
        let standIn = slot.placeholder == .name ? Self.nameStandIn : Self.hamletStandIn
        guard let limit = slot.maxLength else { return standIn }
        var text = standIn
        while text.count < limit { text += " " + standIn }
        text = String(text.prefix(limit))
        // A cut that ends on a space would print two spaces before the next word.
        if text.last == " " { text = text.dropLast() + "X" }
        return text
    }

    static let znsField: [SMSPlaceholder: ZaloZNSField] = [
        .title: .title, .body: .body, .name: .name, .hamlet: .hamlet, .place: .place, .link: .link,
        .meetingAt: .meetingAt, .shortCode: .shortCode,
    ]
}
