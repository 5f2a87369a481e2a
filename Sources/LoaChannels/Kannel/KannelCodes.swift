import Foundation
import LoaCore
import LoaHTTP

/// Kannel's sendsms replies and delivery-report types (gateways.md §8), and what Loa makes of them.
///
/// This file is the only place Kannel's vocabulary is translated: reply status and text into a
/// `SendError.Kind`, and `dlr-mask` bits into message states.
enum KannelCodes {
    /// What a sendsms reply means.
    enum Reading {
        case accepted(detail: String?)
        case failed(SendError)
    }

    /// Reads one sendsms reply: its status and one-line plain-text body (`now` dates `Retry-After`).
    static func reading(_ response: HTTPResponse, now: Date) -> Reading {
        let status = response.status
        let text = response.bodyText.trimmingCharacters(in: .whitespacesAndNewlines)
        let said = text.isEmpty ? "" : " (Kannel: \(text.count > 120 ? String(text.prefix(120)) + "…" : text))"
        switch status {
        case 200..<300:
            // §8: `0: Accepted for delivery` — handed to an SMSC driver.
            if text.hasPrefix("0:") { return .accepted(detail: nil) }
            // §8: `3: Queued for later delivery` — no SMSC connected; Kannel keeps it and sends later.
            if text.hasPrefix("3:") {
                return .accepted(detail: "queued by Kannel for later delivery (no SMSC connected)")
            }
            // §13: with `immediate-sendsms-reply = true` smsbox answers `Sent.` before bearerbox
            // has taken the message; it is as far as such a Kannel says, so it is an acceptance.
            if text.hasPrefix("Sent.") {
                return .accepted(detail: "Kannel answered Sent. (immediate-sendsms-reply)")
            }
            // Kannel's reply to a submit is never another 2xx text; without a recognised answer a
            // retry could send the SMS twice, so stop instead.
            return .failed(SendError(
                .permanent, "unexpected Kannel reply HTTP \(status)" + said, gatewayCode: String(status)))
        case 403 where text.localizedCaseInsensitiveContains("not routable"):
            // §8 / NOTES.md: no SMSC accepts the receiver's prefix ("Not routable. Do not try
            // again.", followed by a DLR 16). Loa validated the number as a Vietnamese mobile, so
            // the gap is this gateway's routing, not the number: permanent on this channel (the
            // scheduler moves on to the next channel), not invalidRecipient, which would stop
            // every channel for a number another gateway may reach.
            return .failed(SendError(
                .permanent, "Kannel has no route for this number's prefix" + said, gatewayCode: "403"))
        case 403:
            // §8: `Authorization failed for sendsms` — username/password/allowed IP of the sendsms-user.
            return .failed(SendError(
                .permanent, "Kannel refused the sendsms credentials; check username and password" + said,
                gatewayCode: "403"))
        case 503:
            // §8: `Temporal failure, try again later.`
            return .failed(SendError(.retryable, "Kannel temporary failure" + said, gatewayCode: "503"))
        default:
            // Other 4xx are bad requests (missing receiver, text too long for max-messages…);
            // 5xx and 429 follow the common reading.
            var error = SendError.from(status: response, now: now) ?? SendError(.permanent, "HTTP \(status)")
            error.message += said
            return .failed(error)
        }
    }

    /// One `dlr-mask` bit (§8) as Loa's ladder, with the words kept in the event's detail.
    struct ReportType: Sendable {
        var state: MessageState
        var meaning: String
    }

    static let reportTypes: [Int: ReportType] = [
        1: ReportType(state: .delivered, meaning: "delivered to the phone"),
        2: ReportType(state: .failed, meaning: "not delivered to the phone"),
        4: ReportType(state: .accepted, meaning: "queued (buffered) on the SMSC"),
        8: ReportType(state: .accepted, meaning: "delivered to the SMSC"),
        16: ReportType(state: .failed, meaning: "rejected by the SMSC"),
        // An intermediate notification says only that the SMSC still has the message.
        32: ReportType(state: .accepted, meaning: "SMSC intermediate notification"),
    ]
}
