/// The body of a SpeedSMS send reply (gateways.md §5):
/// `{"status":"success","code":"00","data":{"tranId":…,"totalSMS":…,"totalPrice":…,"invalidPhone":[]}}`,
/// or `{"status":"error","code":"…","message":"…","invalidPhone":[…]}`.
struct SpeedSMSReply: Decodable, Sendable {
    /// `success` or `error`.
    var status: String?
    /// `"00"` on success; the codes of `SpeedSMSCodes` otherwise.
    var code: String?
    var message: String?
    /// SpeedSMS's id for the send, the `tranId` of its delivery reports.
    var tranID: String?
    var totalSMS: String?
    var totalPrice: String?
    /// Numbers SpeedSMS refused, at the top level (errors) or inside `data` (partial success).
    var invalidPhones: [String]

    enum CodingKeys: String, CodingKey {
        case status, code, message, data
        case invalidPhone
    }

    enum DataKeys: String, CodingKey {
        case tranID = "tranId"
        case totalSMS, totalPrice, invalidPhone
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        status = try? container.decode(String.self, forKey: .status)
        code = Self.text(container, .code)
        guard status != nil || code != nil else {
            throw DecodingError.keyNotFound(
                CodingKeys.status, .init(codingPath: decoder.codingPath, debugDescription: "no status or code"))
        }
        message = try? container.decode(String.self, forKey: .message)
        var invalid = Self.phones(container, .invalidPhone)
        if let data = try? container.nestedContainer(keyedBy: DataKeys.self, forKey: .data) {
            tranID = Self.text(data, .tranID)
            totalSMS = Self.text(data, .totalSMS)
            totalPrice = Self.text(data, .totalPrice)
            invalid += Self.phones(data, .invalidPhone)
        }
        invalidPhones = invalid
    }

    /// `status` `success`, or code `00` when the status is missing.
    var isSuccess: Bool {
        status.map { $0.lowercased() == "success" } ?? (code == SpeedSMSCodes.accepted)
    }

    /// `SpeedSMS: 2 SMS, price 1300`, for the attempt's history.
    var summary: String? {
        guard totalSMS != nil || totalPrice != nil else { return nil }
        return "SpeedSMS: " + [totalSMS.map { "\($0) SMS" }, totalPrice.map { "price \($0)" }]
            .compactMap { $0 }.joined(separator: ", ")
    }

    // Clients show ids, counts and codes both as strings and as numbers: accept either.
    private static func text<Key: CodingKey>(_ container: KeyedDecodingContainer<Key>, _ key: Key) -> String? {
        if let text = try? container.decode(String.self, forKey: key) { return text }
        if let number = try? container.decode(Int64.self, forKey: key) { return String(number) }
        return (try? container.decode(Double.self, forKey: key)).map { String($0) }
    }

    private static func phones<Key: CodingKey>(_ container: KeyedDecodingContainer<Key>, _ key: Key) -> [String] {
        if let list = try? container.decode([String].self, forKey: key) { return list }
        return ((try? container.decode([Int64].self, forKey: key)) ?? []).map(String.init)
    }
}
