import Foundation
import LoaCore
import LoaScheduler
import LoaStore
import Testing

/// The line `loa run --until-idle` prints while it waits, and how often it says it.
@Suite("Waiting line")
struct IdleWaitTests {
    static let zone = TimeZone(identifier: "Asia/Ho_Chi_Minh")!
    /// 2026-12-02 14:00:00 in Hanoi.
    static let t0 = Date(timeIntervalSince1970: 1_796_194_800)

    static func at(_ seconds: TimeInterval) -> Date { t0.addingTimeInterval(seconds) }

    @Test(arguments: [
        (IdleWait(waits: DispatchWaits(receipts: 120, receiptsUntil: at(35 * 60))), "waiting: 120 receipts due until 14:35"),
        (IdleWait(waits: DispatchWaits(receipts: 1, receiptsUntil: at(60))), "waiting: 1 receipt due until 14:01"),
        (IdleWait(waits: DispatchWaits(retries: 12, nextRetry: at(130))), "waiting: 12 retries, next at 14:02:10"),
        (IdleWait(waits: DispatchWaits(retries: 1, nextRetry: at(5))), "waiting: 1 retry, next at 14:00:05"),
        (IdleWait(waits: DispatchWaits(claimed: 3, claimedUntil: at(90))),
         "waiting: 3 messages claimed by another run, lease ends 14:01:30"),
        (IdleWait(waits: DispatchWaits(receipts: 2, receiptsUntil: at(600)), quiet: 430, quietUntil: at(17 * 3600)),
         "waiting: 2 receipts due until 14:10; quiet hours until 07:00 (430 messages)"),
    ])
    func theLineSaysWhatAndUntilWhen(wait: IdleWait, line: String) {
        #expect(wait.line(in: Self.zone) == line)
    }

    @Test
    func saidWhenTheReasonChangesElseEveryThirtySeconds() {
        var announcer = IdleAnnouncer()
        let receipts = IdleWait(waits: DispatchWaits(receipts: 5, receiptsUntil: Self.at(600)))
        let fewer = IdleWait(waits: DispatchWaits(receipts: 4, receiptsUntil: Self.at(600)))
        let retries = IdleWait(waits: DispatchWaits(retries: 1, nextRetry: Self.at(20)))
        let steps: [(IdleWait, TimeInterval, Bool)] = [
            (receipts, 0, true), (fewer, 1, false), (fewer, 29, false), (fewer, 30, true), (retries, 31, true),
            (IdleWait(waits: DispatchWaits()), 90, false),
        ]
        for (number, (wait, time, said)) in steps.enumerated() {
            let says = announcer.shouldSay(wait, at: Self.at(time))
            #expect(says == said, "step \(number + 1) at +\(time) s")
        }
    }

    static let quietCases: [(TimeInterval, TimeInterval?)] = [
        (22 * 3600, 31 * 3600), (3 * 3600, 7 * 3600), (12 * 3600, nil),
    ]

    @Test(arguments: quietCases)
    func quietHoursEndOnTheCommunesClock(hourOfDay: TimeInterval, end: TimeInterval?) {
        var settings = DispatchSettings()
        settings.quietHours = QuietHours(start: 21 * 60, end: 7 * 60)
        settings.timeZone = Self.zone
        let midnight = Self.t0.addingTimeInterval(-14 * 3600)
        let expected = end.map { midnight.addingTimeInterval($0) }
        #expect(settings.quietEnd(after: midnight.addingTimeInterval(hourOfDay)) == expected)
    }
}
