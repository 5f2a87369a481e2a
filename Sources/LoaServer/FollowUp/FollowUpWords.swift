import LoaCore

/// A message's state and last gateway error in words a volunteer understands (the gateways' own
/// texts are English and technical; the raw text stays in the page's `title` for staff).
enum FollowUpWords {
    /// The state in the page's words (`state.*`).
    static func state(_ state: MessageState, _ text: DashboardText) -> String {
        text["state." + state.rawValue]
    }

    /// The key of `fu`'s error words that best names `error`, read from the words adapters and
    /// the scheduler write (`SendError` messages, receipts' statuses).
    static func errorKey(_ error: String) -> String {
        let lower = error.lowercased()
        func has(_ words: String...) -> Bool { words.contains { lower.contains($0) } }
        if has("zalo account", "not a zalo", "no zalo", "zalo user", "not follow") { return "err.zalo" }
        if has("invalid number", "invalid phone", "invalid recipient", "not a valid", "invalid destination") { return "err.number" }
        if has("quota") { return "err.quota" }
        if has("429", "throttl", "too many") { return "err.slow" }
        if has("timeout", "timed out", "network", "connect", "tls", "http 5") { return "err.network" }
        if has("template", "credential", "unauthori", "token", "configuration", "401", "403") { return "err.config" }
        if has("undeliver", "not delivered", "expired", "rejected", "nack", "failed") { return "err.undelivered" }
        return "err.other"
    }

    /// The last error in the page's words, or nil when there was none.
    static func error(_ error: String?, _ text: DashboardText) -> String? {
        guard let error, !error.isEmpty else { return nil }
        return text[errorKey(error)]
    }
}
