import LoaHTTP

/// What follows the acceptance of one message: its delivery outcome, the callbacks that report
/// it, and the resident link a simulated resident may open.
struct DeliveryPlan: Sendable {
    /// Builds a callback request at the moment it is sent (timestamps and signatures are fresh).
    typealias Report = @Sendable () -> HTTPRequest

    /// The dialect whose statistics count the outcome.
    let dialect: GatewayDialect
    /// Whom the random decisions are about: the idempotency key, else the gateway's message id.
    let subject: String
    /// Whether the message reaches the resident.
    let delivered: Bool
    /// The callback that reports the final state, or nil when the dialect sends none.
    let finalReport: Report?
    /// A callback reporting an earlier state, sent after the final one when out of order.
    let earlierReport: Report?
    /// The resident link inside the message, if any.
    let link: String?

    /// Whether anything remains to be done after counting the outcome.
    var hasEvents: Bool {
        finalReport != nil || (delivered && link != nil)
    }
}

extension DeliveryPlan {
    /// The first `http://` or `https://` URL in `text`, up to the next white space, without
    /// sentence punctuation that follows it.
    static func firstLink(in text: String) -> String? {
        var rest = text[...]
        while let found = rest.firstRange(of: "http") {
            let candidate = rest[found.lowerBound...]
            if candidate.hasPrefix("http://") || candidate.hasPrefix("https://") {
                var url = candidate.prefix { !$0.isWhitespace && !"\"<>".contains($0) }
                while let last = url.last, ".,;:!?)".contains(last) { url = url.dropLast() }
                return String(url)
            }
            rest = rest[found.upperBound...]
        }
        return nil
    }

    /// Whether `text` is, as a whole, an `http(s)` URL.
    static func isLink(_ text: String) -> Bool {
        (text.hasPrefix("https://") || text.hasPrefix("http://")) && !text.contains(where: \.isWhitespace)
    }
}
