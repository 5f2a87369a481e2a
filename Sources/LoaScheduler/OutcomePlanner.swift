import Foundation
import LoaChannels
import LoaCore
import LoaStore

/// Decides what a finished attempt means for its message: the next channel, a retry and when, or
/// the end. Pure, so the rules are tested on a pinned clock.
public struct OutcomePlanner: Sendable {
    public var backoff: Backoff
    public var receiptTimeouts: [String: Duration]

    public init(backoff: Backoff, receiptTimeouts: [String: Duration] = [:]) {
        self.backoff = backoff
        self.receiptTimeouts = receiptTimeouts
    }

    /// The outcome of `job`, sent on step `job.channelStep` of `policy`, ending in `result` at `now`.
    /// `priority` is the notice's: an urgent notice does not wait for a used-up daily quota.
    /// `unit` is a random number in 0..<1 for the backoff's jitter; nil draws one, only when a retry
    /// needs it (drawing costs a `getrandom` system call).
    public func plan(
        _ job: DispatchJob, policy: ChannelPolicy, result: Result<SendResult, SendError>, now: Date,
        priority: NoticePriority = .normal, unit: Double? = nil
    ) -> DispatchOutcome {
        let hasNext = job.channelStep + 1 < policy.channels.count
        var outcome = DispatchOutcome(
            messageID: job.messageID, attemptID: job.attemptID, attemptOutcome: "", state: nil, nextAt: nil,
            channelStep: job.channelStep, attemptCount: job.attemptCount, finishedAt: now)
        switch result {
        case .success(let sent):
            outcome.attemptOutcome = sent.state.rawValue
            outcome.gatewayRef = sent.gatewayRef
            outcome.segments = sent.segments
            outcome.state = sent.state
            if hasNext && policy.mode == .all {
                moveOn(&outcome, now: now)
            } else if hasNext, sent.state < .delivered,
                let timeout = receiptTimeouts[policy.channels[job.channelStep]]
            {
                outcome.awaitReceipt = true
                outcome.nextAt = now.addingTimeInterval(timeout.seconds)
            }
        case .failure(let error):
            outcome.error = error.description
            switch error.kind {
            case .deferred:
                outcome.attemptOutcome = "deferred"
                outcome.nextAt = now.addingTimeInterval((error.retryAfter ?? .seconds(3600)).seconds)
            case .quotaExhausted where priority == .urgent && hasNext:
                // An urgent notice cannot wait for tomorrow's quota (issue 17 §2): next channel now.
                outcome.attemptOutcome = "fallback"
                moveOn(&outcome, now: now)
            case .quotaExhausted:
                outcome.attemptOutcome = "deferred"
                outcome.nextAt = now.addingTimeInterval((error.retryAfter ?? .seconds(3600)).seconds)
            case .retryable, .throttled, .unauthorized:
                guard job.attemptCount + 1 < backoff.maxAttempts else {
                    outcome.error = "gave up after \(job.attemptCount + 1) attempts: \(error.description)"
                    giveUpOnChannel(&outcome, hasNext: hasNext, now: now)
                    break
                }
                outcome.attemptOutcome = error.kind == .throttled ? "throttled" : "retry"
                outcome.attemptCount = job.attemptCount + 1
                let delay = backoff.delay(
                    attempt: job.attemptCount, retryAfter: error.retryAfter, unit: unit ?? Double.random(in: 0..<1))
                outcome.nextAt = now.addingTimeInterval(delay.seconds)
            case .fallback, .permanent:
                giveUpOnChannel(&outcome, hasNext: hasNext, now: now)
                if error.kind == .fallback && hasNext { outcome.attemptOutcome = "fallback" }
            case .invalidRecipient where job.recipient.phone != nil && hasNext:
                // Loa stores only numbers it validated as Vietnamese mobiles (E.164 +84): when one
                // gateway calls such a number invalid (ZNS -108), another may still reach it.
                outcome.attemptOutcome = "fallback"
                moveOn(&outcome, now: now)
            case .invalidRecipient:
                outcome.attemptOutcome = "failed"
                outcome.state = .failed
            }
        }
        return outcome
    }

    private func giveUpOnChannel(_ outcome: inout DispatchOutcome, hasNext: Bool, now: Date) {
        outcome.attemptOutcome = "failed"
        if hasNext {
            moveOn(&outcome, now: now)
        } else {
            outcome.state = .failed
            outcome.nextAt = nil
        }
    }

    private func moveOn(_ outcome: inout DispatchOutcome, now: Date) {
        outcome.channelStep += 1
        outcome.attemptCount = 0
        outcome.nextAt = now
    }
}

extension Duration {
    /// The duration in seconds as a `TimeInterval`.
    var seconds: TimeInterval {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
