/// eSMS result codes and what the scheduler should do about each (gateways.md §4.4).
///
/// This table is the only place eSMS's vocabulary is translated into `SendError.Kind`; the two
/// codes that mean "taken" (`100`, and `124` for a repeated `RequestId`) are read by the adapter.
enum ESMSCodes {
    /// Accepted by eSMS (not yet by the carrier: delivery arrives by callback, §4.1).
    static let accepted = "100"
    /// The `RequestId` was already used today: an earlier attempt got through (§11.1).
    static let duplicateRequest = "124"
    /// The code of the send page's `{"error":"Invalid request"}` sample (gateways.md §13).
    static let invalidRequest = "99"

    struct Entry: Sendable {
        var kind: SendError.Kind
        var meaning: String
    }

    static let table: [String: Entry] = [
        "99": Entry(kind: .invalidRecipient, meaning: "number blocked"),
        "101": Entry(kind: .permanent, meaning: "ApiKey or SecretKey refused; check the channel configuration"),
        "103": Entry(kind: .permanent, meaning: "ALERT: eSMS balance insufficient; top up the account"),
        "104": Entry(kind: .permanent, meaning: "brandname missing or not active"),
        "108": Entry(kind: .invalidRecipient, meaning: "phone number format refused"),
        "140": Entry(kind: .permanent, meaning: "server IP not whitelisted at eSMS"),
        "146": Entry(kind: .permanent, meaning: "content does not match a registered customer-care template"),
        "177": Entry(kind: .permanent, meaning: "carrier not registered for this brandname"),
    ]

    /// The error for a reply other than the two accepting ones.
    static func error(for reply: ESMSReply) -> SendError {
        guard reply.isInvalidRequest else { return error(code: reply.codeResult, gatewayMessage: reply.errorMessage) }
        // The same request would be refused again: stop, and say what to check (the send page's
        // advice for this body: the connection details, or eSMS's support).
        let said = reply.errorMessage.map { " (eSMS: \($0))" } ?? ""
        return SendError(
            .permanent, "eSMS refused the request as invalid; check api_key, secret_key, brandname and base_url" + said,
            gatewayCode: invalidRequest)
    }

    /// The error for any code other than the two accepting ones.
    static func error(code: String, gatewayMessage: String?) -> SendError {
        let said = gatewayMessage.flatMap { $0.isEmpty ? nil : " (eSMS: \($0))" } ?? ""
        guard let entry = table[code] else {
            return SendError(.permanent, "eSMS error \(code)" + said, gatewayCode: code)
        }
        return SendError(entry.kind, entry.meaning + said, gatewayCode: code)
    }
}
