import Foundation

/// What begun work waits for once nothing is due: the reasons `loa run --until-idle` gives while
/// it waits (receipts, retries, another worker's claims).
public struct DispatchWaits: Sendable, Equatable {
    /// Messages a gateway accepted that wait for a delivery receipt before falling back.
    public var receipts: Int
    /// The latest time one of them falls back without a receipt.
    public var receiptsUntil: Date?
    /// Messages begun that wait to be tried again (backoff, `Retry-After`, a deferral).
    public var retries: Int
    /// The earliest of those retries.
    public var nextRetry: Date?
    /// Messages claimed by a worker whose lease still holds.
    public var claimed: Int
    /// When the last of those leases runs out.
    public var claimedUntil: Date?

    public init(
        receipts: Int = 0, receiptsUntil: Date? = nil, retries: Int = 0, nextRetry: Date? = nil, claimed: Int = 0,
        claimedUntil: Date? = nil
    ) {
        self.receipts = receipts
        self.receiptsUntil = receiptsUntil
        self.retries = retries
        self.nextRetry = nextRetry
        self.claimed = claimed
        self.claimedUntil = claimedUntil
    }
}
