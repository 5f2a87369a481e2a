import Foundation

/// A message create as read from `POST /2010-04-01/Accounts/{AccountSid}/Messages.json` (gateways.md §9).
struct TwilioSend: Sendable {
    /// The account SID named in the path.
    var pathAccountSID: String
    /// The Basic auth user name and password, if the header could be read.
    var credentials: (user: String, password: String)?
    var to: String?
    var from: String?
    var messagingServiceSID: String?
    var body: String?
    var statusCallback: String?

    init(form bytes: [UInt8], pathAccountSID: String, authorization: String?) {
        let pairs = TwilioForm.decode(bytes)
        func value(_ name: String) -> String? {
            pairs.first { $0.name == name }.flatMap { $0.value.isEmpty ? nil : $0.value }
        }
        self.pathAccountSID = pathAccountSID
        credentials = authorization.flatMap(Self.basic)
        to = value("To")
        from = value("From")
        messagingServiceSID = value("MessagingServiceSid")
        body = pairs.first { $0.name == "Body" }?.value
        statusCallback = value("StatusCallback")
    }

    /// `Basic base64(user:password)` split into its two parts.
    static func basic(_ header: String) -> (user: String, password: String)? {
        guard header.lowercased().hasPrefix("basic "),
            let data = Data(base64Encoded: String(header.dropFirst(6)).trimmingCharacters(in: .whitespaces)),
            let text = String(data: data, encoding: .utf8), let colon = text.firstIndex(of: ":")
        else { return nil }
        return (String(text[..<colon]), String(text[text.index(after: colon)...]))
    }
}
