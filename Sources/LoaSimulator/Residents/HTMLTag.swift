/// One start or end tag of an HTML page, read tolerantly the way a browser's tokenizer does:
/// names in any case, attributes in any order, values in double, single or no quotes.
struct HTMLTag: Sendable, Equatable {
    /// The tag name in lower case (`link`, `img`, `form`).
    let name: String
    /// Whether this is an end tag (`</form>`).
    let isEnd: Bool
    /// Attribute values by lower-cased name, entities decoded; the first of repeated names wins.
    let attributes: [String: String]

    /// The value of attribute `name` (lower case), or nil when absent.
    subscript(_ name: String) -> String? { attributes[name] }

    /// Every tag of `html` in document order, skipping comments, doctypes and the contents of
    /// `<script>` and `<style>` (text there is not markup).
    static func all(in html: String) -> [HTMLTag] {
        let bytes = Array(html.utf8)
        var tags: [HTMLTag] = []
        var index = 0
        while let open = bytes[index...].firstIndex(of: UInt8(ascii: "<")) {
            index = open + 1
            if bytes[index...].starts(with: "!--".utf8) {
                index = end(of: "-->", in: bytes, from: index + 3)
                continue
            }
            guard let (tag, next) = readTag(bytes, at: index) else { continue }
            tags.append(tag)
            index = next
            if !tag.isEnd, tag.name == "script" || tag.name == "style" {
                index = rawTextEnd(tag.name, in: bytes, from: index)
            }
        }
        return tags
    }

    /// Reads the tag whose name starts at `start` (just after `<`); nil for text that is not a tag.
    private static func readTag(_ bytes: [UInt8], at start: Int) -> (HTMLTag, Int)? {
        var index = start
        let isEnd = index < bytes.count && bytes[index] == UInt8(ascii: "/")
        if isEnd { index += 1 }
        guard index < bytes.count, isLetter(bytes[index]) else { return nil }
        let nameStart = index
        while index < bytes.count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: ">"),
            bytes[index] != UInt8(ascii: "/")
        {
            index += 1
        }
        let name = String(decoding: bytes[nameStart..<index], as: UTF8.self).lowercased()
        var attributes: [String: String] = [:]
        while index < bytes.count {
            while index < bytes.count, isSpace(bytes[index]) || bytes[index] == UInt8(ascii: "/") { index += 1 }
            guard index < bytes.count, bytes[index] != UInt8(ascii: ">") else { break }
            // A name runs to white space, `/`, `>` or `=`; its first character may be any other (even `=`).
            let attributeStart = index
            index += 1
            while index < bytes.count, !isSpace(bytes[index]), !"/>=".utf8.contains(bytes[index]) { index += 1 }
            let attribute = String(decoding: bytes[attributeStart..<index], as: UTF8.self).lowercased()
            while index < bytes.count, isSpace(bytes[index]) { index += 1 }
            var value = ""
            if index < bytes.count, bytes[index] == UInt8(ascii: "=") {
                index += 1
                while index < bytes.count, isSpace(bytes[index]) { index += 1 }
                let valueStart: Int
                if index < bytes.count, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") {
                    let quote = bytes[index]
                    valueStart = index + 1
                    index = bytes[valueStart...].firstIndex(of: quote) ?? bytes.count
                    value = String(decoding: bytes[valueStart..<index], as: UTF8.self)
                    index = min(index + 1, bytes.count)
                } else {
                    valueStart = index
                    while index < bytes.count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: ">") { index += 1 }
                    value = String(decoding: bytes[valueStart..<index], as: UTF8.self)
                }
            }
            if attributes[attribute] == nil { attributes[attribute] = HTMLEntities.decode(value) }
        }
        return (HTMLTag(name: name, isEnd: isEnd, attributes: attributes), min(index + 1, bytes.count))
    }

    /// The index just past the first `marker` at or after `start`, or the end of the page.
    private static func end(of marker: String, in bytes: [UInt8], from start: Int) -> Int {
        let pattern = Array(marker.utf8)
        var index = start
        while index + pattern.count <= bytes.count {
            if bytes[index..<index + pattern.count].elementsEqual(pattern) { return index + pattern.count }
            index += 1
        }
        return bytes.count
    }

    /// Where the raw text of a `<script>` or `<style>` ends: at its `</name`, in any case.
    private static func rawTextEnd(_ name: String, in bytes: [UInt8], from start: Int) -> Int {
        let pattern = Array(("</" + name).utf8)
        var index = start
        while index + pattern.count <= bytes.count {
            let candidate = bytes[index..<index + pattern.count].map { $0 | (isLetter($0) ? 0x20 : 0) }
            if candidate.elementsEqual(pattern) { return index }
            index += 1
        }
        return bytes.count
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D
    }
}
