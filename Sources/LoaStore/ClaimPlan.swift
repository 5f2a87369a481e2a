import Foundation
import LoaCore

/// What a claim does with one due message, decided the same way by every backend.
enum ClaimPlan: Equatable {
    /// A receipt fallback that is no longer needed (delivered, or no later channel): stop scheduling it.
    case settle
    /// Send on channel `step` of the chain, with the key every re-send of that step reuses.
    case send(step: Int, attempts: Int, channel: String, key: String)

    /// The plan for a due message as its row stands.
    static func make(
        notice: String, message: Int64, state: MessageState, step: Int, attempts: Int, awaitingReceipt: Bool,
        round: Int, channels: [String]
    ) -> ClaimPlan {
        var step = step
        var attempts = attempts
        if awaitingReceipt {
            // No receipt came in time: a delivered (or better) message needs nothing more.
            guard state.rank < MessageState.delivered.rank, step + 1 < channels.count else { return .settle }
            step += 1
            attempts = 0
        }
        let key = IdempotencyKey.make(notice: notice, message: message, step: step, round: round)
        return .send(step: step, attempts: attempts, channel: step < channels.count ? channels[step] : "?", key: key)
    }

    /// The states a finished attempt's ladder target moves from when it is recorded. Running out of
    /// channels fails only a message no channel took: in a `zalo+sms` notice an SMS already accepted
    /// stands when Zalo refuses.
    static func recordSources(for target: MessageState) -> [MessageState] {
        target == .failed ? [.queued, .sending] : MessageState.sources(for: target)
    }
}
