import Foundation
import LoaCore

/// Kannel's callbacks (gateways.md §8): GETs made by smsbox with its escape codes expanded.
///
/// - `status`: the delivery report to the `dlr-url` Loa sent,
///   `?key=<idempotency key>&t=<token>&type=%d&ts=%T&smsc=%i&reply=%A`.
/// - `inbound`: a resident's SMS, from an `sms-service` whose `get-url` is
///   `…/inbound?from=%p&to=%P&text=%b&coding=%c&charset=%C&ts=%T&id=%I&smsc=%i` (see
///   `scripts/kannel/kannel.conf`); the text is decoded by `coding`/`charset` (`KannelInboundText`).
///
/// Kannel cannot sign anything (§8): the channel's hook secret in the path and, on reports, the
/// per-message token beside the key are the proof of origin; the server checks both, so
/// `verify(_:)` keeps the protocol's default.
extension KannelAdapter {
    public func events(in request: HookRequest) throws(CallbackError) -> [GatewayEvent] {
        // smsbox uses GET; a form body is read the same way in case a proxy turns it into a POST.
        let pairs = request.query.isEmpty ? request.form : request.query
        func value(_ name: String) -> String? {
            pairs.first { $0.name == name }.flatMap { $0.value.isEmpty ? nil : $0.value }
        }
        let occurredAt = value("ts").flatMap(Self.unixTime)
        switch request.event {
        case .status:
            guard let key = value("key") else {
                throw CallbackError(.malformed, "Kannel delivery report without the key Loa put in dlr-url")
            }
            guard let typeText = value("type") else {
                throw CallbackError(.malformed, "Kannel delivery report for \(key) without type (%d)")
            }
            guard let type = Int(typeText), let report = KannelCodes.reportTypes[type] else {
                throw CallbackError(
                    .malformed, "Kannel delivery report for \(key): type '\(typeText)' is not one dlr-mask bit")
            }
            var detail = "Kannel DLR \(type) (\(report.meaning))"
            if let reply = value("reply") { detail += ": \(reply)" }
            if let smsc = value("smsc") { detail += ", smsc \(smsc)" }
            // One event per (message, report type): Kannel's retries and our own repeats collapse;
            // `%I` cannot serve, it is new on every report (NOTES.md). DLR 1 often comes before
            // DLR 8 (NOTES.md): the server applies states monotonically, this only reports.
            return [
                GatewayEvent(
                    subject: .key(key), change: .state(report.state), occurredAt: occurredAt,
                    dedupeKey: "kannel:\(key):\(type)", detail: detail)
            ]
        case .inbound:
            guard let from = value("from") else {
                throw CallbackError(.malformed, "Kannel inbound SMS without from (%p)")
            }
            let decoded = try KannelInboundText.decode(request, coding: value("coding"), charset: value("charset"))
            guard let text = decoded ?? pairs.first(where: { $0.name == "text" })?.value else {
                throw CallbackError(.malformed, "Kannel inbound SMS from \(from) without text (%b)")
            }
            let sender = Self.e164(from)
            // `%I` is stable across smsbox's retries of one get-url; without it, sender + time + text.
            let dedupeKey = value("id").map { "kannel:in:\($0)" }
                ?? "kannel:in:\(sender):\(value("ts") ?? "-"):\(Self.digest(text))"
            return [
                GatewayEvent(
                    subject: nil, change: .reply(from: sender, text: text.precomposed), occurredAt: occurredAt,
                    dedupeKey: dedupeKey)
            ]
        }
    }

    /// `%T`: seconds since 1970.
    static func unixTime(_ text: String) -> Date? {
        Int64(text).map { Date(timeIntervalSince1970: TimeInterval($0)) }
    }

    /// `%p` as E.164: Vietnamese numbers in any form become `+84…`; others keep their digits behind a `+`.
    static func e164(_ text: String) -> String {
        if let phone = try? PhoneNumber(parsing: text) { return phone.e164 }
        let digits = text.filter(\.isASCII).filter(\.isNumber)
        let trimmed = digits.hasPrefix("00") ? String(digits.dropFirst(2)) : digits
        return trimmed.isEmpty ? text : "+" + trimmed
    }

    /// A short stable fingerprint of `text` (FNV-1a), for dedupe keys only.
    static func digest(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        return String(hash, radix: 16)
    }
}
