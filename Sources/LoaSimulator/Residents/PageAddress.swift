import Foundation

/// URLs as a browser treats them on a resident page: references resolved against the page's own
/// address, origins compared, form fields encoded.
enum PageAddress {
    /// `reference` (relative or absolute) resolved against `page` (RFC 3986), without its
    /// fragment; an empty reference names the page itself. Nil for anything but `http(s)`.
    static func resolve(_ reference: String, against page: String) -> String? {
        let trimmed = reference.trimmingWhitespace
        guard let base = URL(string: page),
            let resolved = trimmed.isEmpty ? base : URL(string: trimmed, relativeTo: base)?.absoluteURL,
            ["http", "https"].contains(resolved.scheme?.lowercased() ?? "")
        else { return nil }
        let text = resolved.absoluteString
        return text.firstIndex(of: "#").map { String(text[..<$0]) } ?? text
    }

    /// `scheme://host[:port]` of `url`, lower-cased, with the scheme's default port left out: the
    /// value of an `Origin` header, and what "same origin" compares.
    static func origin(of url: String) -> String? {
        guard let parsed = URL(string: url), let scheme = parsed.scheme?.lowercased(), let host = parsed.host?.lowercased()
        else { return nil }
        let defaultPort = scheme == "https" ? 443 : 80
        let port = parsed.port.flatMap { $0 == defaultPort ? nil : $0 }
        let bracketed = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
        return "\(scheme)://\(bracketed)" + (port.map { ":\($0)" } ?? "")
    }

    /// Whether `url` has the same origin as `page`.
    static func isSameOrigin(_ url: String, as page: String) -> Bool {
        guard let origin = origin(of: url) else { return false }
        return origin == self.origin(of: page)
    }

    /// `link` with its scheme, host and port replaced by `origin`, when one is given (see
    /// ``SimulatorOptions/linkOrigin``).
    static func relocated(_ link: String, to origin: String?) -> String {
        guard let origin, let schemeEnd = link.firstRange(of: "://") else { return link }
        let afterScheme = link[schemeEnd.upperBound...]
        let path = afterScheme.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" }.map { afterScheme[$0...] } ?? ""
        return (origin.hasSuffix("/") ? String(origin.dropLast()) : origin) + path
    }

    /// A form body as browsers send `application/x-www-form-urlencoded`: `+` for a space, and
    /// percent escapes for everything but letters, digits and `*-._`.
    static func formBody(_ fields: [(name: String, value: String)]) -> [UInt8] {
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        func escape(_ text: String) {
            for byte in text.utf8 {
                switch byte {
                case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                    UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "*"), UInt8(ascii: "-"), UInt8(ascii: "."),
                    UInt8(ascii: "_"):
                    out.append(byte)
                case UInt8(ascii: " "):
                    out.append(UInt8(ascii: "+"))
                default:
                    out += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
                }
            }
        }
        for (index, field) in fields.enumerated() {
            if index > 0 { out.append(UInt8(ascii: "&")) }
            escape(field.name)
            out.append(UInt8(ascii: "="))
            escape(field.value)
        }
        return out
    }
}
