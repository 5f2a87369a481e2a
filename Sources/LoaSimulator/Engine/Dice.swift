/// Seeded, order-independent randomness: every decision is a hash of the seed, what is being
/// decided and whom it is about, so concurrent requests get the same answers in any order.
struct Dice: Sendable {
    /// What a roll decides; each purpose draws an independent number for the same subject.
    enum Purpose: UInt64, Sendable {
        case timeout = 1, throttle, serverError, latency, serverErrorStatus
        case deliveryFailure, callbackDelay, duplicate, outOfOrder, engagement, openDelay, ackDelay
        case zaloPresence, messageID
        case agent, preview, previewOrder, previewHead, previewAgent
    }

    let seed: UInt64

    /// A number in `0..<1` for `purpose`, `subject` (e.g. an idempotency key) and `attempt`.
    func unit(_ purpose: Purpose, _ subject: String, attempt: Int = 0) -> Double {
        Self.unit(hash(purpose, subject, attempt: attempt))
    }

    /// Whether an event of probability `rate` happens for this purpose, subject and attempt.
    func chance(_ rate: Double, _ purpose: Purpose, _ subject: String, attempt: Int = 0) -> Bool {
        guard rate > 0 else { return false }
        return rate >= 1 || unit(purpose, subject, attempt: attempt) < rate
    }

    /// A duration drawn uniformly from `range`.
    func duration(
        in range: ClosedRange<Duration>, _ purpose: Purpose, _ subject: String, attempt: Int = 0
    ) -> Duration {
        guard range.lowerBound < range.upperBound else { return max(.zero, range.lowerBound) }
        let span = range.upperBound - range.lowerBound
        return max(.zero, range.lowerBound + span * unit(purpose, subject, attempt: attempt))
    }

    /// A 64-bit hash of the seed, the purpose, the subject's UTF-8 bytes and the attempt.
    func hash(_ purpose: Purpose, _ subject: String, attempt: Int = 0) -> UInt64 {
        var state = Self.mix(seed ^ (purpose.rawValue &* 0x9E37_79B9_7F4A_7C15))
        state = Self.fnv1a(subject.utf8, basis: state)
        return Self.mix(state ^ UInt64(bitPattern: Int64(attempt)))
    }

    /// A number unique to `sequence` under this seed (the SplitMix finaliser is a bijection), for
    /// gateway message ids that look random but never collide.
    func scramble(_ sequence: Int) -> UInt64 {
        Self.mix(UInt64(bitPattern: Int64(sequence)) ^ Self.mix(seed))
    }

    /// A seed-independent number in `0..<1` for `subject`, for facts about a resident that must not
    /// change between rehearsals (such as having a Zalo account).
    static func stableUnit(_ subject: String) -> Double {
        unit(mix(fnv1a(subject.utf8, basis: 0xCBF2_9CE4_8422_2325)))
    }

    private static func unit(_ value: UInt64) -> Double {
        Double(value >> 11) / Double(UInt64(1) << 53)
    }

    private static func fnv1a(_ bytes: String.UTF8View, basis: UInt64) -> UInt64 {
        var hash = basis
        for byte in bytes {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        return hash
    }

    /// The SplitMix64 finaliser: spreads every input bit over the whole word.
    private static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
