/// The body of an eSMS send reply (gateways.md §4.1):
/// `{"CodeResult":"100","CountRegenerate":0,"SMSID":"…"}`, plus `ErrorMessage` on errors; a
/// repeated `RequestId` gets `{"CodeResult":"124",…,"ErrorMessage":"Request exist 1","SendStatus":"5"}`
/// with no `SMSID`; a request eSMS cannot read gets `{"error":"Invalid request"}` (the send page's
/// code `99` sample, §13), read here as code `99` with `isInvalidRequest`.
struct ESMSReply: Decodable, Sendable {
    /// eSMS's result code as text (`"100"` accepted, others in §4.4).
    var codeResult: String
    /// eSMS's id for the send, the `SMSID` of its delivery callbacks (§4.3).
    var smsID: String?
    /// eSMS's explanation of an error, in English or Vietnamese.
    var errorMessage: String?
    /// The body was `{"error": "…"}` without a `CodeResult`: eSMS refused the request itself.
    var isInvalidRequest = false

    enum CodingKeys: String, CodingKey {
        case codeResult = "CodeResult"
        case smsID = "SMSID"
        case errorMessage = "ErrorMessage"
        case error
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        // The docs show codes and ids as strings; accept numbers too rather than lose a reply.
        if Self.text(container, .codeResult) == nil, let error = try? container.decode(String.self, forKey: .error) {
            codeResult = ESMSCodes.invalidRequest
            errorMessage = error
            isInvalidRequest = true
            return
        }
        guard let code = Self.text(container, .codeResult) else {
            throw DecodingError.keyNotFound(
                CodingKeys.codeResult, .init(codingPath: decoder.codingPath, debugDescription: "no CodeResult"))
        }
        codeResult = code
        smsID = Self.text(container, .smsID)
        errorMessage = try? container.decode(String.self, forKey: .errorMessage)
    }

    private static func text(_ container: KeyedDecodingContainer<CodingKeys>, _ key: CodingKeys) -> String? {
        if let text = try? container.decode(String.self, forKey: key) { return text }
        return (try? container.decode(Int64.self, forKey: key)).map(String.init)
    }
}
