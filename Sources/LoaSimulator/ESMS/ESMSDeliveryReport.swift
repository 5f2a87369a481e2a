import LoaHTTP

/// The delivery report eSMS sends to a send's `CallbackUrl`: an unsigned GET whose query carries
/// the outcome (gateways.md §4.3).
struct ESMSDeliveryReport: Sendable {
    /// `SendStatus`: 5 finished (read `SendSuccess`/`SendFailed`), 7 sent and awaiting the report.
    enum Stage: Int, Sendable {
        case finished = 5
        case awaitingReport = 7
    }

    let callbackURL: String
    let smsID: String
    let requestID: String?
    let phone: String
    let telcoID: Int
    let typeID: Int

    /// The GET for `stage`; `delivered` only matters once finished.
    func request(stage: Stage, delivered: Bool) -> HTTPRequest {
        let finished = stage == .finished
        let parameters: [(String, String)] = [
            ("SMSID", smsID),
            ("RequestId", requestID ?? ""),
            ("SendStatus", String(stage.rawValue)),
            ("SendSuccess", finished && delivered ? "1" : "0"),
            ("SendFailed", finished && !delivered ? "1" : "0"),
            ("TotalReceiver", "1"),
            ("TotalSent", "1"),
            ("TotalPrice", "0"),
            ("TypeId", String(typeID)),
            ("telcoid", String(telcoID)),
            ("phonenumber", phone),
        ]
        let query = parameters.map { "\($0.0)=\(Self.percentEncoded($0.1))" }.joined(separator: "&")
        let separator = callbackURL.contains("?") ? "&" : "?"
        return HTTPRequest(method: .get, url: callbackURL + separator + query)
    }

    /// Builds the GET for `stage` each time the scheduler sends it.
    func sender(stage: Stage, delivered: Bool) -> DeliveryPlan.Report {
        { request(stage: stage, delivered: delivered) }
    }

    /// `value` with everything but RFC 3986 unreserved characters percent-encoded.
    static func percentEncoded(_ value: String) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var bytes: [UInt8] = []
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
                 UInt8(ascii: "_"), UInt8(ascii: "~"):
                bytes.append(byte)
            default:
                bytes.append(contentsOf: [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]])
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
