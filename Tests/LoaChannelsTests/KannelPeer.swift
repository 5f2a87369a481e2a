import Foundation
import LoaChannels
import LoaConfig
import LoaCore
import LoaHTTP
import LoaTesting
import Testing

/// The running Kannel that `scripts/test` started (`scripts/lib/kannel.sh`), read from the
/// environment, and what the peer tests do with it.
struct KannelPeer: Sendable {
    /// The smsbox sendsms base URL; its absence means no Kannel was started.
    static let sendsmsKey = "LOA_KANNEL_SENDSMS"

    let sendsms: String
    let username: String
    let password: String
    /// The HTTP SMSC's own port, where the upstream stub reports DLRs and injects MO messages.
    let upstreamSMSC: String
    let upstreamStubPort: Int
    /// Where `fakesmsc.log` is.
    let directory: String

    /// Kannel's coordinates, or nil when `scripts/test` did not start it.
    static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> KannelPeer? {
        guard let sendsms = environment[sendsmsKey], !sendsms.isEmpty,
            let password = environment["LOA_KANNEL_PASSWORD"], let upstream = environment["LOA_KANNEL_UPSTREAM_SMSC"],
            let stubPort = environment["LOA_KANNEL_UPSTREAM_STUB_PORT"].flatMap(Int.init),
            let directory = environment["LOA_KANNEL_DIR"]
        else { return nil }
        return KannelPeer(
            sendsms: sendsms, username: environment["LOA_KANNEL_USERNAME"] ?? "loa", password: password,
            upstreamSMSC: upstream, upstreamStubPort: stubPort, directory: directory)
    }

    static var isAvailable: Bool { fromEnvironment() != nil }

    /// The adapter as `loa run` would build it: parsed from TOML, hooks from `hookBase`.
    func adapter(hookBase: String, folding: String = "never") throws -> KannelAdapter {
        let toml = """
            [[channels]]
            name = "kannel"
            kind = "kannel"
            base_url = "\(sendsms)"
            username = "\(username)"
            password = "\(password)"
            brandname = "UBNDHAILANG"
            fold_diacritics = "\(folding)"
            """
        let configuration = try LoaConfiguration.parse(toml, source: "peer.toml", environment: [:])
        let config = try #require(configuration.channels.first)
        let hooks = HookURLs(publicURL: hookBase, secret: HookSecret(master: "peer-hook-secret", channel: "kannel"))
        return try #require(try ChannelRegistry.adapter(for: config, hooks: hooks) as? KannelAdapter)
    }

    /// A message to `phone` with a key unique to this run.
    static func message(to phone: String, title: String, body: String) throws -> OutboundMessage {
        let key = "peer-" + UUID().uuidString.prefix(13).replacingOccurrences(of: "-", with: "")
        return OutboundMessage(
            messageID: 1, idempotencyKey: key, noticeID: "N1", shortCode: "K7QX", kind: .notice, title: title,
            body: body, recipient: .init(name: "Trần Thị Bình", phone: try PhoneNumber(parsing: phone)))
    }

    /// The hook requests Kannel made for `key`, as Loa's server would hand them to the adapter.
    static func reports(for key: String, on receiver: TestHTTPServer) -> [HookRequest] {
        receiver.requests.filter { $0.queryItems.contains { $0.name == "key" && $0.value == key } }.map {
            HookRequest(
                event: .status, method: $0.method, url: receiver.baseURL + $0.target,
                query: FormEncoding.decode($0.query ?? ""), receivedAt: Date())
        }
    }

    /// Waits until `receiver` holds `count` reports for `key` (then a moment more for strays).
    static func waitForReports(
        _ count: Int, for key: String, on receiver: TestHTTPServer, timeout: Duration = .seconds(30)
    ) async throws -> [HookRequest] {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while reports(for: key, on: receiver).count < count, clock.now < deadline {
            try await Task.sleep(for: .milliseconds(100))
        }
        try await Task.sleep(for: .milliseconds(300))
        return reports(for: key, on: receiver)
    }

    /// The texts fakesmsc printed as received, decoded: `Got message N: <from to text T>`,
    /// `<from to ucs-2 DATA>`, or for each part of a long UCS-2 text `<from to udh UDH data DATA>`
    /// (concatenation UDH `05 00 03 ref total seq`), joined again once the last part is in.
    func fakeSMSCTexts() -> [String] {
        let log = (try? String(contentsOfFile: directory + "/fakesmsc.log", encoding: .utf8)) ?? ""
        var texts: [String] = []
        var parts: [UInt8: [String]] = [:]
        for line in log.split(separator: "\n") {
            guard let open = line.range(of: ": <"), line.hasSuffix(">") else { continue }
            let fields = line[open.upperBound..<line.index(before: line.endIndex)].split(separator: " ")
            guard fields.count >= 4 else { continue }
            switch fields[2] {
            case "text": texts.append(fields[3...].joined(separator: " "))
            case "ucs-2": texts.append(Self.utf16BE(percentEncoded: String(fields[3])))
            case "udh" where fields.count >= 6:
                let udh = FormEncoding.decodeBytes(String(fields[3]))
                guard udh.count == 6, udh[1] == 0 else { continue }
                parts[udh[3], default: []].append(Self.utf16BE(percentEncoded: String(fields[5])))
                if udh[5] == udh[4] { texts.append(parts.removeValue(forKey: udh[3])?.joined() ?? "") }
            default: continue
            }
        }
        return texts
    }

    /// The long texts fakesmsc printed as received, one per concatenation reference in order:
    /// how many parts the UDH announced, which part numbers came, and the parts' text joined in
    /// part order (`<from to udh UDH data DATA>`, UDH `05 00 03 ref total seq`).
    func fakeSMSCConcatenated() -> [(total: Int, parts: [Int], text: String)] {
        let log = (try? String(contentsOfFile: directory + "/fakesmsc.log", encoding: .utf8)) ?? ""
        var order: [UInt8] = []
        var found: [UInt8: (total: Int, parts: [Int: String])] = [:]
        for line in log.split(separator: "\n") {
            guard let open = line.range(of: ": <"), line.hasSuffix(">") else { continue }
            let fields = line[open.upperBound..<line.index(before: line.endIndex)].split(separator: " ")
            guard fields.count >= 6, fields[2] == "udh" else { continue }
            let udh = FormEncoding.decodeBytes(String(fields[3]))
            guard udh.count == 6, udh[1] == 0 else { continue }
            // A reference seen again after its text was complete starts a new text.
            if let earlier = found[udh[3]], earlier.parts.count == earlier.total {
                found[udh[3]] = nil
                order.removeAll { $0 == udh[3] }
            }
            if found[udh[3]] == nil { order.append(udh[3]) }
            found[udh[3], default: (Int(udh[4]), [:])].parts[Int(udh[5])] = Self.utf16BE(percentEncoded: String(fields[5]))
        }
        return order.compactMap { reference in
            found[reference].map { entry in
                let numbers = entry.parts.keys.sorted()
                return (entry.total, numbers, numbers.compactMap { entry.parts[$0] }.joined())
            }
        }
    }

    /// Waits until fakesmsc has printed `text` as received (10 s at most): it prints what it got
    /// only between reads of its input, up to 3 s after Kannel's DLRs for the same text.
    func waitForFakeSMSCText(_ text: String) async throws -> Bool {
        let clock = ContinuousClock()
        let deadline = clock.now + .seconds(10)
        while !fakeSMSCTexts().contains(text) {
            guard clock.now < deadline else { return false }
            try await Task.sleep(for: .milliseconds(100))
        }
        return true
    }

    /// Makes fakesmsc send Kannel a resident's SMS: one line on the FIFO `scripts/lib/kannel.sh`
    /// gives it as input, `<from> <to> ucs2 <UTF-16BE bytes URL-encoded>` (Kannel 1.4.5's fakesmsc
    /// types: text, data, ucs2, udh-data, udh-text, route, dlr-mask). fakesmsc reads its input
    /// through a stdio buffer but waits on the descriptor, so a second line written at once stays
    /// unread until more input comes: send one line and wait for it before the next.
    func sendFromPhone(_ from: String, to: String, ucs2 text: String) throws {
        var encoded = ""
        for unit in text.utf16 {
            for byte in [UInt8(unit >> 8), UInt8(unit & 0xFF)] {
                encoded += String(format: "%%%02X", byte)
            }
        }
        guard let fifo = FileHandle(forWritingAtPath: directory + "/fakesmsc.in") else {
            throw KannelUpstreamStub.Failure(description: "cannot open \(directory)/fakesmsc.in")
        }
        defer { try? fifo.close() }
        try fifo.write(contentsOf: Data("\(from) \(to) ucs2 \(encoded)\n".utf8))
    }

    /// An empty line for fakesmsc: it skips it, but reading it first sends a line that sat unread
    /// in its buffer (another test's, written at the same moment).
    func nudgeFakeSMSC() throws {
        guard let fifo = FileHandle(forWritingAtPath: directory + "/fakesmsc.in") else { return }
        defer { try? fifo.close() }
        try fifo.write(contentsOf: Data("\n".utf8))
    }

    /// Text Kannel passes on as URL-encoded UTF-16BE bytes (`%00H%1E%CD…`, `+` = byte 0x20).
    static func utf16BE(percentEncoded text: String) -> String {
        let bytes = Array(FormEncoding.decodeBytes(text))
        var units: [UInt16] = []
        var index = 0
        while index + 1 < bytes.count {
            units.append(UInt16(bytes[index]) << 8 | UInt16(bytes[index + 1]))
            index += 2
        }
        return String(decoding: units, as: UTF16.self)
    }
}

extension FormEncoding {
    /// The raw bytes of one percent-encoded component (`+` is 0x20), which may not be UTF-8.
    fileprivate static func decodeBytes(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        var input = Array(text.utf8)[...]
        while let byte = input.popFirst() {
            if byte == UInt8(ascii: "+") {
                out.append(0x20)
            } else if byte == UInt8(ascii: "%"), input.count >= 2,
                let value = UInt8(String(decoding: input.prefix(2), as: UTF8.self), radix: 16)
            {
                out.append(value)
                input.removeFirst(2)
            } else {
                out.append(byte)
            }
        }
        return out
    }
}
