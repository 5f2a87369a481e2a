/// A sendsms query string read the way smsbox reads CGI variables: `name=value` pairs split on
/// `&`, `+` as a space, `%XX` escapes decoded to bytes, then read as UTF-8 (gateways.md §8).
struct KannelQuery: Sendable {
    private(set) var pairs: [(name: String, value: String)] = []

    init(_ query: String) {
        for pair in query.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = Self.decoded(parts[0])
            let value = parts.count > 1 ? Self.decoded(parts[1]) : ""
            pairs.append((name, value))
        }
    }

    /// The first value of `name` (smsbox also accepts `user`/`pass` for the credentials).
    subscript(_ names: String...) -> String? {
        for name in names {
            if let found = pairs.first(where: { $0.name == name }) { return found.value }
        }
        return nil
    }

    static func decoded(_ text: Substring) -> String {
        var bytes: [UInt8] = []
        var input = Array(text.utf8)[...]
        while let byte = input.popFirst() {
            if byte == UInt8(ascii: "+") {
                bytes.append(0x20)
            } else if byte == UInt8(ascii: "%"), input.count >= 2,
                let value = UInt8(String(decoding: input.prefix(2), as: UTF8.self), radix: 16)
            {
                bytes.append(value)
                input.removeFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
