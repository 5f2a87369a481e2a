import Foundation

/// The text of a resident's SMS as Kannel's `get-url` passes it on, decoded by the coding and
/// charset Kannel reports (`coding=%c&charset=%C`, see `scripts/kannel/kannel.conf`).
///
/// gateways.md §13: a reply with accents comes from the SMSC as UCS-2 and stays UTF-16BE bytes
/// unless smsbox has `mo-recode = true`; those bytes are not UTF-8, so the query's percent-decoded
/// text is read again from the raw request, byte for byte.
enum KannelInboundText {
    /// The text of `request`'s `text` parameter, decoded; nil when there is no `text`.
    static func decode(_ request: HookRequest, coding: String?, charset: String?) throws(CallbackError) -> String? {
        guard let bytes = rawValue(named: "text", in: request) else { return nil }
        let name = charset?.uppercased().replacingOccurrences(of: "_", with: "-")
        switch name {
        case "UTF-16BE", "UTF-16", "UCS-2", "UCS-2BE", "UNICODEBIG":
            return try utf16BE(bytes)
        case "ISO-8859-1", "LATIN1", "WINDOWS-1252", "CP1252":
            return String(decoding: bytes.map { UInt16($0) }, as: UTF16.self)
        case "UTF-8", "UTF8":
            return String(decoding: bytes, as: UTF8.self)
        default:
            // No charset (a get-url without %C): coding 2 is UCS-2 (§8); a text that is not UTF-8
            // but has NUL bytes in pairs is UCS-2 too (an older get-url with %a or %b only).
            if coding == "2" { return try utf16BE(bytes) }
            if let text = String(validating: bytes, as: UTF8.self) { return text }
            if bytes.count % 2 == 0, bytes.contains(0) { return try utf16BE(bytes) }
            return String(decoding: bytes, as: UTF8.self)
        }
    }

    /// UTF-16BE bytes as text; an odd byte count is not UCS-2.
    static func utf16BE(_ bytes: [UInt8]) throws(CallbackError) -> String {
        guard bytes.count % 2 == 0 else {
            throw CallbackError(.malformed, "Kannel inbound SMS: UCS-2 text with an odd number of bytes (\(bytes.count))")
        }
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = 0
        while index < bytes.count {
            units.append(UInt16(bytes[index]) << 8 | UInt16(bytes[index + 1]))
            index += 2
        }
        return String(decoding: units, as: UTF16.self)
    }

    /// The percent-decoded bytes of the first parameter `name`, from the URL's query (GET) or,
    /// when the query has none, the form body.
    static func rawValue(named name: String, in request: HookRequest) -> [UInt8]? {
        let query = request.url.firstIndex(of: "?").map { Array(request.url[request.url.index(after: $0)...].utf8) } ?? []
        return rawValue(named: name, in: query) ?? rawValue(named: name, in: request.body)
    }

    private static func rawValue(named name: String, in encoded: [UInt8]) -> [UInt8]? {
        let wanted = Array(name.utf8)
        return FormEncoding.decodeBytes(encoded).first { $0.name == wanted }?.value
    }
}
