import Foundation

/// How a notice's messages moved over time, in equal buckets from its send time: cumulative
/// counts of residents accepted by a gateway, delivered, opened and acknowledged.
public struct Timeline: Sendable, Equatable {
    public var start: Date
    public var bucket: TimeInterval
    /// Cumulative count at the end of each bucket.
    public var accepted: [Int]
    public var delivered: [Int]
    public var opened: [Int]
    public var acknowledged: [Int]

    public init(start: Date, bucket: TimeInterval, accepted: [Int], delivered: [Int], opened: [Int], acknowledged: [Int]) {
        self.start = start
        self.bucket = bucket
        self.accepted = accepted
        self.delivered = delivered
        self.opened = opened
        self.acknowledged = acknowledged
    }

    /// Per-bucket counts (bucket index → count) made cumulative over `count` buckets; events past
    /// the end land in the last bucket, events before the start in the first.
    public static func cumulative(_ perBucket: [Int: Int], count: Int) -> [Int] {
        var running = 0
        return (0..<count).map { index in
            running += perBucket[index] ?? 0
            if index == 0 { running += perBucket.filter { $0.key < 0 }.values.reduce(0, +) }
            if index == count - 1 { running += perBucket.filter { $0.key >= count }.values.reduce(0, +) }
            return running
        }
    }
}
