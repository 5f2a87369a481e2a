import LoaCore

/// The SpeedSMS codes the simulator answers with (gateways.md §5).
enum SpeedSMSCode: String, Sendable {
    case badParameters = "101"
    case invalidPhone = "105"
    /// §5 lists no code for a refused token; the simulator answers HTTP 401 with this one.
    case unauthorized = "401"

    /// `code` of an accepted send.
    static let accepted = "00"

    var message: String {
        switch self {
        case .badParameters: "Invalid parameters"
        case .invalidPhone: "Invalid phone number"
        case .unauthorized: "Unauthorized: access token not valid"
        }
    }

    /// The error reply `{"status":"error","code","message","invalidPhone":[…]}`.
    func reply(status: Int = 200, detail: String? = nil, invalidPhones: [String] = []) -> GatewayReply {
        var json = JSONWriter()
        json.add("status", "error")
        json.add("code", rawValue)
        json.add("message", detail.map { "\(message): \($0)" } ?? message)
        var reply = GatewayReply(status: status, json: json, outcome: .rejected(code: Int(rawValue) ?? status))
        reply.body = Self.closing(json, with: "invalidPhone", Self.array(invalidPhones))
        return reply
    }

    /// `writer`'s object with one more member whose value is the raw JSON `value` (JSONWriter
    /// writes no arrays, and a nested object built here must carry one).
    static func closing(_ writer: JSONWriter, with name: String, _ value: [UInt8]) -> [UInt8] {
        var bytes = Array(writer.finished.dropLast())
        if bytes.count > 1 { bytes.append(UInt8(ascii: ",")) }
        JSONEscaping.appendQuoted(name, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        return bytes + value + [UInt8(ascii: "}")]
    }

    /// A JSON array of strings.
    static func array(_ items: [String]) -> [UInt8] {
        var bytes: [UInt8] = [UInt8(ascii: "[")]
        for (index, item) in items.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            JSONEscaping.appendQuoted(item, to: &bytes)
        }
        return bytes + [UInt8(ascii: "]")]
    }
}
