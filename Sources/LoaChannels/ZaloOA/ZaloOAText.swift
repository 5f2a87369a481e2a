import Foundation
import LoaCore

/// The text of an OA consultation message: title, body, meeting time and place, the resident's
/// link and, when an acknowledgement is asked for, how to give it.
///
/// Zalo takes at most 2,000 characters (gateways.md §3.1); when a long body would exceed that, the
/// body is cut so the time, place, link and confirmation hint always arrive.
enum ZaloOAText {
    static let limit = 2000

    static func compose(_ message: OutboundMessage) -> String {
        var footer: [String] = []
        if let meeting = message.meetingAt {
            footer.append("Thời gian: " + ZaloZNSField.meetingText(meeting, in: message.timeZone))
        }
        if let place = message.place, !place.isEmpty { footer.append("Địa điểm: " + place) }
        if let link = message.link, !link.isEmpty { footer.append("Xem chi tiết: " + link) }
        if message.ackRequired {
            // SPEC §5: a reply "XN" (optionally with the notice's short code) acknowledges.
            let button = message.link == nil ? "" : "bấm nút “Xác nhận đã nhận” tại liên kết trên, hoặc "
            footer.append("Xác nhận đã nhận: " + button + "trả lời tin này “XN \(message.shortCode)”.")
        }
        let head = message.title.precomposed
        let tail = footer.isEmpty ? "" : "\n\n" + footer.joined(separator: "\n").precomposed
        var body = message.body.precomposed
        let room = limit - count(head) - count(tail) - 2
        if count(body) > room {
            body = String(body.unicodeScalars.prefix(max(0, room - 1)).reduce(into: "") { $0.unicodeScalars.append($1) })
                + "…"
        }
        let text = body.isEmpty ? head + tail : head + "\n\n" + body + tail
        // A title or link so long that nothing fits is cut as a whole, on a scalar boundary.
        guard count(text) > limit else { return text }
        return String(text.unicodeScalars.prefix(limit).reduce(into: "") { $0.unicodeScalars.append($1) })
    }

    /// Length in Unicode scalars, never fewer than Zalo's characters after NFC.
    static func count(_ text: String) -> Int { text.unicodeScalars.count }
}
