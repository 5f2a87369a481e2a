import Foundation
import LoaCore

/// Everything `loa.toml` says (SPEC §4), validated; every part has a default so no file is needed.
public struct LoaConfiguration: Sendable {
    /// The commune and its clock.
    public struct Commune: Sendable {
        public var name = "Xã Mẫu"
        public var timeZone = TimeZone(identifier: "Asia/Ho_Chi_Minh")!
        public var quietHours: QuietHours? = QuietHours(start: 21 * 60, end: 7 * 60)
        public var reachTarget = 0.8
    }

    /// The HTTP side of `loa run`.
    public struct Server: Sendable {
        public var listen = "127.0.0.1:8080"
        public var publicURL = "http://127.0.0.1:8080"
        public var linkSecret: Secret?
        public var hookSecret: Secret?
        /// Zalo's domain-verification code (`zalo_site_verification`): served as a meta tag on the
        /// public landing page `/` and as the file `/zalo_verifier{code}.html` (gateways.md §13).
        public var zaloSiteVerification: String?
    }

    public var commune = Commune()
    public var server = Server()
    public var channels: [ChannelConfig] = []
    public var limits = Limits()
    /// Where the configuration came from, for messages ("built-in defaults" when no file).
    public var source = "built-in defaults"

    public init() {}

    /// The channel with this name, if configured.
    public func channel(named name: String) -> ChannelConfig? {
        channels.first { $0.name == name }
    }

    /// Reads and validates a configuration file; `env:NAME` values come from `environment`.
    public static func load(
        path: String, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(ConfigError) -> LoaConfiguration {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigError("cannot read configuration file \(path)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigError("\(path) is not UTF-8 text")
        }
        return try parse(text, source: path, environment: environment)
    }

    /// Validates configuration text; `source` names it in errors.
    public static func parse(
        _ text: String, source: String = "loa.toml",
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(ConfigError) -> LoaConfiguration {
        let root = try TOMLSection.parse(text, source: source, environment: environment)
        var configuration = LoaConfiguration()
        configuration.source = source
        try root.allowOnly(["commune", "server", "channels", "limits"])
        if let commune = try root.section("commune") {
            try configuration.commune.read(commune)
        }
        if let server = try root.section("server") {
            try configuration.server.read(server)
        }
        if let limits = try root.section("limits") {
            try configuration.limits.read(limits)
        }
        var names = Set<String>()
        for (index, section) in try root.sections("channels").enumerated() {
            let channel = try ChannelConfig(
                section, index: index, communeName: configuration.commune.name,
                maxSegments: configuration.limits.smsSegments)
            guard names.insert(channel.name).inserted else {
                throw section.error("name", "channel name '\(channel.name)' is used twice")
            }
            configuration.channels.append(channel)
        }
        return configuration
    }
}

extension LoaConfiguration.Commune {
    mutating func read(_ section: TOMLSection) throws(ConfigError) {
        try section.allowOnly(["name", "timezone", "quiet_hours", "reach_target"])
        if let name = try section.string("name") { self.name = name.precomposed }
        if let zone = try section.string("timezone") {
            guard let timeZone = TimeZone(identifier: zone) else {
                throw section.error("timezone", "unknown time zone '\(zone)' (e.g. Asia/Ho_Chi_Minh)")
            }
            self.timeZone = timeZone
        }
        if let quiet = try section.string("quiet_hours") {
            if quiet.isEmpty || quiet == "none" {
                quietHours = nil
            } else {
                guard let hours = QuietHours(parsing: quiet) else {
                    throw section.error("quiet_hours", "'\(quiet)' is not of the form HH:MM-HH:MM")
                }
                quietHours = hours
            }
        }
        if let target = try section.double("reach_target") {
            guard target > 0, target <= 1 else {
                throw section.error("reach_target", "must be a share between 0 and 1, e.g. 0.8")
            }
            reachTarget = target
        }
    }
}

extension LoaConfiguration.Server {
    mutating func read(_ section: TOMLSection) throws(ConfigError) {
        try section.allowOnly(["listen", "public_url", "link_secret", "hook_secret", "zalo_site_verification"])
        if let listen = try section.string("listen") {
            guard let colon = listen.lastIndex(of: ":"), let port = Int(listen[listen.index(after: colon)...]),
                (1...65535).contains(port), colon != listen.startIndex
            else { throw section.error("listen", "'\(listen)' is not HOST:PORT") }
            self.listen = listen
        }
        if let url = try section.string("public_url") {
            guard let parsed = URL(string: url), ["http", "https"].contains(parsed.scheme ?? ""),
                parsed.host != nil
            else { throw section.error("public_url", "'\(url)' is not an http(s) URL") }
            publicURL = url.hasSuffix("/") ? String(url.dropLast()) : url
        }
        linkSecret = try section.secret("link_secret")
        hookSecret = try section.secret("hook_secret")
        if let code = try section.string("zalo_site_verification") {
            guard !code.isEmpty, code.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") })
            else { throw section.error("zalo_site_verification", "'\(code)' is not a verification code (letters, digits, '-', '_')") }
            zaloSiteVerification = code
        }
    }
}
