import LoaCore
import Testing

@Suite("Message state moves")
struct MessageStateTests {
    @Test("canMove", arguments: [
        // The ladder only goes up, and may skip rungs.
        (MessageState.queued, MessageState.sending, true),
        (.queued, .delivered, true),
        (.sending, .accepted, true),
        (.accepted, .delivered, true),
        (.delivered, .opened, true),
        (.opened, .acknowledged, true),
        (.delivered, .acknowledged, true),
        (.delivered, .accepted, false),
        (.opened, .delivered, false),
        (.acknowledged, .opened, false),
        (.accepted, .sending, false),
        (.sending, .queued, false),
        (.delivered, .delivered, false),
        // failed follows anything not yet delivered; only a sign of delivery lifts it.
        (.queued, .failed, true),
        (.sending, .failed, true),
        (.accepted, .failed, true),
        (.delivered, .failed, false),
        (.opened, .failed, false),
        (.acknowledged, .failed, false),
        (.failed, .failed, false),
        (.failed, .accepted, false),
        (.failed, .delivered, true),
        (.failed, .opened, true),
        (.failed, .acknowledged, true),
        (.failed, .sending, false),
        (.failed, .queued, false),
        // expired and cancelled only end messages no gateway has taken yet.
        (.queued, .cancelled, true),
        (.queued, .expired, true),
        (.sending, .cancelled, true),
        (.sending, .expired, true),
        (.accepted, .expired, false),
        (.failed, .cancelled, false),
        (.delivered, .expired, false),
        // Nothing moves a cancelled or expired message.
        (.cancelled, .delivered, false),
        (.cancelled, .queued, false),
        (.cancelled, .expired, false),
        (.expired, .failed, false),
        (.expired, .acknowledged, false),
        (.expired, .cancelled, false),
    ])
    func canMove(from: MessageState, to: MessageState, allowed: Bool) {
        #expect(from.canMove(to: to) == allowed)
    }

    @Test("No move ever lowers a state on the ladder")
    func neverDown() {
        for from in MessageState.allCases where from.rank >= 0 {
            for to in MessageState.allCases where to.rank >= 0 && to.rank <= from.rank {
                #expect(!from.canMove(to: to), "\(from) → \(to)")
            }
        }
    }

    @Test("sources(for:) lists exactly the states that may move there")
    func sources() {
        #expect(MessageState.sources(for: .delivered) == [.queued, .sending, .accepted, .failed])
        #expect(MessageState.sources(for: .cancelled) == [.queued, .sending])
        #expect(MessageState.sources(for: .failed) == [.queued, .sending, .accepted])
        #expect(MessageState.sources(for: .accepted) == [.queued, .sending], "a progress report never lifts a failure")
        #expect(MessageState.sources(for: .queued).isEmpty)
    }

    @Test("Reached means opened or acknowledged")
    func reached() {
        #expect(MessageState.allCases.filter(\.isReached) == [.opened, .acknowledged])
        #expect(MessageState.allCases.filter(\.isTerminalFailure) == [.failed, .expired, .cancelled])
    }
}
