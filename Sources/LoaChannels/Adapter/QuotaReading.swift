/// A gateway's word on a channel's daily allowance, read from a send reply or a quota call.
public struct QuotaReading: Sendable, Equatable {
    /// The whole allowance for the day, when the gateway says.
    public var daily: Int?
    /// What is left of it.
    public var remaining: Int

    public init(daily: Int?, remaining: Int) {
        self.daily = daily
        self.remaining = remaining
    }
}
