import Foundation
import LoaChannels
import LoaCore
import LoaScheduler
import LoaStore
import Testing

@Suite("What a finished attempt means")
struct OutcomePlannerTests {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)
    static let planner = OutcomePlanner(
        backoff: Backoff(base: .seconds(10), cap: .seconds(600), maxAttempts: 4),
        receiptTimeouts: ["zalo": .seconds(1800)])

    static func job(step: Int = 0, attempts: Int = 0) -> DispatchJob {
        DispatchJob(
            messageID: 7, noticeID: "N-ABC123", channelStep: step, attemptCount: attempts, attemptID: 70,
            idempotencyKey: IdempotencyKey.make(notice: "N-ABC123", message: 7, step: step), isResend: false,
            recipient: OutboundRecipient(residentID: 1, name: "An", phone: nil, zaloID: nil, hamlet: nil))
    }

    static func policy(_ text: String) -> ChannelPolicy {
        do { return try ChannelPolicy(parsing: text) } catch { fatalError("\(error)") }
    }

    struct Case: Sendable, CustomTestStringConvertible {
        let label: String
        let policy: String
        let step: Int
        let attempts: Int
        let result: Result<SendResult, SendError>
        let state: MessageState?
        let nextIn: TimeInterval?
        let nextStep: Int
        let nextAttempts: Int
        let awaitReceipt: Bool
        let outcome: String
        var testDescription: String { label }
    }

    static let cases: [Case] = [
        Case(label: "Accepted on the last channel: done", policy: "zalo>sms", step: 1, attempts: 0,
             result: .success(SendResult(gatewayRef: "g1")), state: .accepted, nextIn: nil, nextStep: 1,
             nextAttempts: 0, awaitReceipt: false, outcome: "accepted"),
        Case(label: "Accepted on Zalo: wait for the receipt, then SMS", policy: "zalo>sms", step: 0, attempts: 0,
             result: .success(SendResult()), state: .accepted, nextIn: 1800, nextStep: 0, nextAttempts: 0,
             awaitReceipt: true, outcome: "accepted"),
        Case(label: "Delivered at once: no receipt to wait for", policy: "zalo>sms", step: 0, attempts: 0,
             result: .success(SendResult(state: .delivered)), state: .delivered, nextIn: nil, nextStep: 0,
             nextAttempts: 0, awaitReceipt: false, outcome: "delivered"),
        Case(label: "zalo+sms: accepted on Zalo, SMS next", policy: "zalo+sms", step: 0, attempts: 0,
             result: .success(SendResult()), state: .accepted, nextIn: 0, nextStep: 1, nextAttempts: 0,
             awaitReceipt: false, outcome: "accepted"),
        Case(label: "No Zalo account: SMS now", policy: "zalo>sms", step: 0, attempts: 0,
             result: .failure(SendError(.fallback, "no Zalo", gatewayCode: "-118")), state: nil, nextIn: 0,
             nextStep: 1, nextAttempts: 0, awaitReceipt: false, outcome: "fallback"),
        Case(label: "Permanent on the last channel: failed", policy: "zalo>sms", step: 1, attempts: 0,
             result: .failure(SendError(.permanent, "template")), state: .failed, nextIn: nil, nextStep: 1,
             nextAttempts: 0, awaitReceipt: false, outcome: "failed"),
        Case(label: "Invalid number: failed whatever the chain", policy: "zalo>sms", step: 0, attempts: 0,
             result: .failure(SendError(.invalidRecipient, "bad number", gatewayCode: "-108")), state: .failed,
             nextIn: nil, nextStep: 0, nextAttempts: 0, awaitReceipt: false, outcome: "failed"),
        Case(label: "5xx: retry after backoff", policy: "sms", step: 0, attempts: 2,
             result: .failure(SendError(.retryable, "HTTP 503")), state: nil, nextIn: 30, nextStep: 0,
             nextAttempts: 3, awaitReceipt: false, outcome: "retry"),
        Case(label: "429 with Retry-After: exactly then", policy: "sms", step: 0, attempts: 0,
             result: .failure(SendError(.throttled, "HTTP 429", retryAfter: .seconds(7))), state: nil, nextIn: 7,
             nextStep: 0, nextAttempts: 1, awaitReceipt: false, outcome: "throttled"),
        Case(label: "Retries used up: next channel", policy: "zalo>sms", step: 0, attempts: 3,
             result: .failure(SendError(.retryable, "timeout")), state: nil, nextIn: 0, nextStep: 1,
             nextAttempts: 0, awaitReceipt: false, outcome: "failed"),
        Case(label: "Retries used up on the last channel: failed", policy: "sms", step: 0, attempts: 3,
             result: .failure(SendError(.retryable, "timeout")), state: .failed, nextIn: nil, nextStep: 0,
             nextAttempts: 3, awaitReceipt: false, outcome: "failed"),
        Case(label: "Daily quota: deferred without using up retries", policy: "zalo>sms", step: 0, attempts: 1,
             result: .failure(SendError(.deferred, "quota", gatewayCode: "-144", retryAfter: .seconds(3600 * 14))),
             state: nil, nextIn: 3600 * 14, nextStep: 0, nextAttempts: 1, awaitReceipt: false, outcome: "deferred"),
    ]

    @Test(arguments: cases)
    func plans(_ example: Case) {
        let outcome = Self.planner.plan(
            Self.job(step: example.step, attempts: example.attempts), policy: Self.policy(example.policy),
            result: example.result, now: Self.now, unit: 0.5)
        #expect(outcome.state == example.state)
        #expect(outcome.nextAt.map { $0.timeIntervalSince(Self.now) } == example.nextIn)
        #expect(outcome.channelStep == example.nextStep)
        #expect(outcome.attemptCount == example.nextAttempts)
        #expect(outcome.awaitReceipt == example.awaitReceipt)
        #expect(outcome.attemptOutcome == example.outcome)
        #expect(outcome.attemptID == 70)
        if case .failure(let error) = example.result {
            #expect(outcome.error?.contains(error.message) == true)
        }
    }

    @Test
    func backoffGrowsExponentiallyWithJitterAndACap() {
        let backoff = Backoff(base: .seconds(5), cap: .seconds(300), maxAttempts: 10)
        #expect(backoff.delay(attempt: 0, unit: 0) == .milliseconds(2500))
        #expect(backoff.delay(attempt: 0, unit: 1) == .seconds(5))
        #expect(backoff.delay(attempt: 3, unit: 0) == .seconds(20))
        #expect(backoff.delay(attempt: 3, unit: 0.999) < .seconds(40))
        #expect(backoff.delay(attempt: 20, unit: 1) == .seconds(300))
        #expect(backoff.delay(attempt: 20, unit: 0) == .seconds(150))
        #expect(backoff.delay(attempt: 2, retryAfter: .seconds(42), unit: 0.3) == .seconds(42))
        let spread = Set((0..<50).map { _ in backoff.delay(attempt: 4, unit: Double.random(in: 0..<1)) })
        #expect(spread.count > 40, "jitter spreads retries")
    }
}
