import Foundation
import LoaHTTP

/// Kannel's delivery report: a GET to the send's `dlr-url` with its escape codes expanded
/// (gateways.md §8), made fresh for each report.
struct KannelDeliveryReport: Sendable {
    /// `dlr-mask` bits (§8).
    enum Kind: Int, Sendable {
        case delivered = 1
        case undelivered = 2
        case buffered = 4
        case smscAccepted = 8
        case smscRejected = 16
    }

    let dlrURL: String
    let sender: String
    let receiver: String
    let username: String
    let smscID: String
    let coding: Int

    /// The GET reporting `kind`, with `reply` as `%A` (the SMSC's words).
    func request(_ kind: Kind, reply: String) -> HTTPRequest {
        HTTPRequest(method: .get, url: expanded(kind, reply: reply, now: Date()))
    }

    /// Builds the GET each time the scheduler sends it.
    func sender(_ kind: Kind, reply: String) -> DeliveryPlan.Report {
        { request(kind, reply: reply) }
    }

    /// `dlrURL` with each `%x` replaced by its URL-encoded value; unknown codes become empty.
    func expanded(_ kind: Kind, reply: String, now: Date) -> String {
        var result = ""
        var characters = dlrURL.makeIterator()
        while let character = characters.next() {
            guard character == "%" else {
                result.append(character)
                continue
            }
            guard let code = characters.next() else {
                result.append("%")
                break
            }
            result += Self.encoded(value(of: code, kind: kind, reply: reply, now: now))
        }
        return result
    }

    private func value(of code: Character, kind: Kind, reply: String, now: Date) -> String {
        switch code {
        case "d": return String(kind.rawValue)
        case "A": return reply
        case "T": return String(Int(now.timeIntervalSince1970))
        case "t":
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "UTC")
            formatter.dateFormat = "yyyy-MM-dd HH:mm"
            return formatter.string(from: now)
        // NOTES.md: in delivery reports %p/%P come swapped — %p is the receiver, %P the sender.
        case "p": return receiver
        case "P": return sender
        case "q": return receiver.hasPrefix("00") ? "+" + receiver.dropFirst(2) : receiver
        case "Q": return sender.hasPrefix("00") ? "+" + sender.dropFirst(2) : sender
        case "i": return kind == .smscRejected ? "" : smscID
        // NOTES.md: %I is a new id on every report.
        case "I": return UUID().uuidString.lowercased()
        case "n": return username
        case "c": return String(coding)
        case "%": return "%"
        default: return ""
        }
    }

    /// RFC 3986 unreserved characters kept, everything else percent-encoded, as smsbox does.
    static func encoded(_ value: String) -> String {
        var text = ""
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"):
                text.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                text += String(format: "%%%02X", byte)
            }
        }
        return text
    }
}
