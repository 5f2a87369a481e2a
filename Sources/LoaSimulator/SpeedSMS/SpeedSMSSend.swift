import Foundation

/// A send as read from `POST /index.php/sms/send` (gateways.md §5).
struct SpeedSMSSend: Sendable {
    /// The Basic auth user name and password, if the header could be read.
    var credentials: (user: String, password: String)?
    /// `to`: an array of numbers (a single string is read as one).
    var to: [String]
    var content: String?
    /// `sms_type`: 2 random long number, 3 brandname, 4 shared brandname, 5 Android app (§5).
    var smsType: Int?
    var sender: String?

    /// Reads a body that must be one JSON object.
    init?(body: [UInt8], authorization: String?) {
        guard let object = JSONValue.parse(body), object.members != nil else { return nil }
        credentials = authorization.flatMap(Self.basic)
        switch object["to"] {
        case .array(let items): to = items.compactMap(\.scalarText)
        case let value?: to = value.scalarText.map { [$0] } ?? []
        case nil: to = []
        }
        content = object["content"]?.scalarText
        smsType = object["sms_type"]?.scalarText.flatMap { Int($0) }
        sender = object["sender"]?.scalarText.flatMap { $0.isEmpty ? nil : $0 }
    }

    static func basic(_ header: String) -> (user: String, password: String)? {
        guard header.lowercased().hasPrefix("basic "),
            let data = Data(base64Encoded: String(header.dropFirst(6)).trimmingCharacters(in: .whitespaces)),
            let text = String(data: data, encoding: .utf8), let colon = text.firstIndex(of: ":")
        else { return nil }
        return (String(text[..<colon]), String(text[text.index(after: colon)...]))
    }
}
