/// Which channels a message goes out on: a fallback chain (`zalo>sms`) or all at once (`zalo+sms`).
///
/// A single channel (`sms`) is a chain of one. Names are the configured channel names: lowercase
/// ASCII letters, digits, `-` and `_`; input is lowercased before it is checked.
public struct ChannelPolicy: Sendable, Hashable, Codable, CustomStringConvertible {
    /// How the listed channels are used.
    public enum Mode: String, Sendable, Hashable, Codable {
        /// Try each channel in order; move on only when the previous one cannot reach the resident.
        case fallback
        /// Send on every channel.
        case all
    }

    /// How the channels are used; always `.fallback` for a single channel.
    public private(set) var mode: Mode
    /// The channel names in order, never empty and without duplicates.
    public private(set) var channels: [String]

    /// Builds a policy from names, checking them as `init(parsing:)` does.
    public init(_ channels: [String], mode: Mode = .fallback) throws(ChannelPolicyError) {
        let text = channels.joined(separator: mode == .all ? "+" : ">")
        guard !channels.isEmpty else { throw .empty }
        var seen: Set<String> = []
        var names: [String] = []
        for raw in channels {
            let name = raw.trimmingBlanks.lowercased()
            guard !name.isEmpty else { throw .emptyName(text) }
            guard name.utf8.allSatisfy(Self.isNameByte) else { throw .invalidName(text, name: name) }
            guard seen.insert(name).inserted else { throw .duplicate(text, name: name) }
            names.append(name)
        }
        self.channels = names
        self.mode = names.count == 1 ? .fallback : mode
    }

    /// Reads `zalo>sms`, `zalo+sms` or `sms`; blanks around names are ignored.
    public init(parsing text: String) throws(ChannelPolicyError) {
        let policy = text.trimmingBlanks
        guard !policy.isEmpty else { throw .empty }
        let hasChain = policy.contains(">")
        let hasAll = policy.contains("+")
        if hasChain && hasAll { throw .mixedSeparators(policy) }
        let parts = policy.split(separator: hasAll ? "+" : ">", omittingEmptySubsequences: false).map(String.init)
        do {
            try self.init(parts, mode: hasAll ? .all : .fallback)
        } catch .emptyName {
            throw .emptyName(policy)
        } catch .invalidName(_, let name) {
            throw .invalidName(policy, name: name)
        } catch .duplicate(_, let name) {
            throw .duplicate(policy, name: name)
        } catch {
            throw error
        }
    }

    /// The text form, which `init(parsing:)` reads back to the same policy.
    public var description: String { channels.joined(separator: mode == .all ? "+" : ">") }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do {
            self = try ChannelPolicy(parsing: text)
        } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.description))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "_"): true
        default: false
        }
    }
}

/// Why a `--channels` value is not a channel policy; every case names the value as written.
public enum ChannelPolicyError: Error, Sendable, Hashable, CustomStringConvertible {
    case empty
    case emptyName(String)
    case invalidName(String, name: String)
    case mixedSeparators(String)
    case duplicate(String, name: String)

    public var description: String {
        switch self {
        case .empty:
            "empty channel policy (write e.g. zalo>sms, zalo+sms or sms)"
        case .emptyName(let policy):
            "‘\(policy)’: a channel name is missing around ‘>’ or ‘+’"
        case .invalidName(let policy, let name):
            "‘\(policy)’: ‘\(name)’ is not a channel name (use lowercase letters, digits, ‘-’ and ‘_’)"
        case .mixedSeparators(let policy):
            "‘\(policy)’: use either ‘>’ (try in order) or ‘+’ (send on all), not both"
        case .duplicate(let policy, let name):
            "‘\(policy)’: channel ‘\(name)’ is listed twice"
        }
    }
}
