import LoaCore

extension LoaConfiguration {
    /// `[limits]`: caps on what one caller may ask of Loa, and the HTTP server's abuse limits.
    ///
    /// ```toml
    /// [limits]
    /// sender_daily_messages = 5000   # messages a sender's token may queue per day
    /// reminders_per_notice = 10
    /// sms_segments = 10              # parts one SMS may take
    /// idle_timeout = "30s"           # a connection that sends nothing (or half a request) is closed
    /// login_per_minute = 10          # failed sign-ins per client address
    /// api_per_minute = 600
    /// link_per_minute = 30000        # resident links /m/… (page, stylesheet, confirm) per address:
    ///                                # a commune's residents may all share one carrier NAT address
    /// hooks_per_minute = 120000      # all gateways together
    /// ```
    public struct Limits: Sendable, Equatable {
        public var senderDailyMessages = 5000
        public var remindersPerNotice = 10
        public var smsSegments = 10
        public var idleTimeout: Duration = .seconds(30)
        public var loginPerMinute = 10
        public var apiPerMinute = 600
        public var linkPerMinute = 30_000
        public var hooksPerMinute = 120_000

        public init() {}
    }
}

extension LoaConfiguration.Limits {
    static var counts: [(key: String, path: WritableKeyPath<Self, Int>)] { [
        ("sender_daily_messages", \.senderDailyMessages), ("reminders_per_notice", \.remindersPerNotice),
        ("sms_segments", \.smsSegments), ("login_per_minute", \.loginPerMinute), ("api_per_minute", \.apiPerMinute),
        ("link_per_minute", \.linkPerMinute), ("hooks_per_minute", \.hooksPerMinute),
    ] }

    mutating func read(_ section: TOMLSection) throws(ConfigError) {
        try section.allowOnly(Set(Self.counts.map(\.key) + ["idle_timeout"]))
        for (key, path) in Self.counts {
            guard let value = try section.int(key) else { continue }
            guard value > 0 else { throw section.error(key, "must be a whole number above 0") }
            self[keyPath: path] = value
        }
        if let text = try section.string("idle_timeout") {
            do {
                idleTimeout = try DurationText.parse(text)
            } catch {
                throw section.error("idle_timeout", "'\(text)' is not a duration like 30s or 2m")
            }
            guard idleTimeout > .zero else { throw section.error("idle_timeout", "must be longer than 0s") }
        }
    }
}
