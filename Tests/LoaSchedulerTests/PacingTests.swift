import Foundation
import LoaCore
import LoaScheduler
import Testing

@Suite("Pacing: rate limits and quiet hours")
struct PacingTests {
    @Test(arguments: [(50.0, 1.0, 2_000), (10.0, 2.0, 600), (3.5, 1.0, 140)])
    func tokenBucketKeepsTheRateWithinFivePercent(rate: Double, cost: Double, sends: Int) {
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        var bucket = TokenBucket(rate: rate, now: start)
        var clock = start
        for _ in 0..<sends {
            let wait = bucket.take(cost, now: clock)
            clock = clock.addingTimeInterval(Double(wait.components.seconds) + Double(wait.components.attoseconds) / 1e18)
        }
        let elapsed = clock.timeIntervalSince(start)
        // The first second's burst is free: the bucket starts full.
        let expected = (Double(sends) * cost - bucket.capacity) / rate
        #expect(abs(elapsed - expected) / expected < 0.05, "elapsed \(elapsed) s, expected \(expected) s")
    }

    @Test
    func smsSegmentsCostMoreThanOne() {
        let start = Date(timeIntervalSince1970: 0)
        var bucket = TokenBucket(rate: 10, now: start)
        #expect(bucket.take(10, now: start) == .zero)
        #expect(bucket.take(3, now: start) == .milliseconds(300))
    }

    @Test(arguments: [
        ("2026-12-01 20:59", false), ("2026-12-01 21:00", true), ("2026-12-01 23:30", true),
        ("2026-12-02 00:00", true), ("2026-12-02 06:59", true), ("2026-12-02 07:00", false),
        ("2026-12-02 12:00", false),
    ])
    func quietHoursCrossMidnightInTheCommunesZone(local: String, quiet: Bool) throws {
        var settings = DispatchSettings()
        settings.quietHours = QuietHours(parsing: "21:00-07:00")
        let zone = try #require(TimeZone(identifier: "Asia/Ho_Chi_Minh"))
        settings.timeZone = zone
        let date = try #require(TimeText.parse(local, in: zone))
        #expect(settings.isQuiet(at: date) == quiet)
        settings.timeZone = try #require(TimeZone(identifier: "UTC"))
        let utcQuiet = settings.isQuiet(at: date)
        if local == "2026-12-01 23:30" { #expect(utcQuiet == false, "16:30 UTC is not quiet: the zone matters") }
    }
}
