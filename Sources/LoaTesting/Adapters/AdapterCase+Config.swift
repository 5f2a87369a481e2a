import LoaConfig

extension AdapterCase {
    /// The fixture's channel keys as a `loa.toml` with one `[[channels]]` table.
    ///
    /// Going through the real parser keeps fixtures honest: a key the configuration does not
    /// accept for the kind fails the case, as it would fail `loa run`.
    public var configTOML: String { Self.configTOML(config) }

    /// The channel configuration, parsed from ``configTOML``.
    public func channelConfig() throws(ConfigError) -> ChannelConfig {
        try Self.channelConfig(config, source: source)
    }

    /// `config` as a `loa.toml` with one `[[channels]]` table.
    static func configTOML(_ config: [String: JSONValue]) -> String {
        var text = "[[channels]]\n"
        // `null` leaves a key out, so a case can drop a key another case sets.
        for (key, value) in config.sorted(by: { $0.key < $1.key }) where value != .null {
            text += Self.tomlKey(key) + " = " + Self.toml(value) + "\n"
        }
        return text
    }

    /// `config` parsed by the real configuration parser.
    static func channelConfig(_ config: [String: JSONValue], source: String) throws(ConfigError) -> ChannelConfig {
        let configuration = try LoaConfiguration.parse(configTOML(config), source: source, environment: [:])
        guard let channel = configuration.channels.first else { throw ConfigError("\(source): no channel") }
        return channel
    }

    private static func toml(_ value: JSONValue) -> String {
        switch value {
        case .null: return "\"\""
        case .bool(let flag): return flag ? "true" : "false"
        case .number(let number):
            return number.rounded() == number && abs(number) < 1e15 ? String(Int64(number)) : String(number)
        case .string(let text): return quoted(text)
        case .array(let items): return "[" + items.map(toml).joined(separator: ", ") + "]"
        case .object(let members):
            let pairs = members.sorted { $0.key < $1.key }.filter { $0.value != .null }
                .map { tomlKey($0.key) + " = " + toml($0.value) }
            return "{ " + pairs.joined(separator: ", ") + " }"
        }
    }

    /// Bare keys where TOML allows them (`access_token`, `X-Api-Key`), quoted otherwise.
    private static func tomlKey(_ key: String) -> String {
        let bare = !key.isEmpty && key.unicodeScalars.allSatisfy {
            ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || $0 == "_" || $0 == "-"
        }
        return bare ? key : quoted(key)
    }

    /// A TOML basic string.
    private static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                let hex = String(scalar.value, radix: 16, uppercase: true)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
