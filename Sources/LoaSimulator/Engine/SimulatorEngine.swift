import Foundation

/// What a dialect needs to answer a send: the options, the dice, the bookkeeping, the clock, and
/// a way to hand over what happens after the answer.
struct SimulatorEngine: Sendable {
    let options: SimulatorOptions
    let dice: Dice
    let state: SimulatorState
    let scheduler: EventScheduler
    let courier: Courier

    init(options: SimulatorOptions, state: SimulatorState, scheduler: EventScheduler) {
        self.options = options
        self.dice = Dice(seed: options.seed)
        self.state = state
        self.scheduler = scheduler
        self.courier = Courier(client: scheduler.client, options: options)
    }

    /// Plays out `plan` in the background, or just counts its outcome when it needs no calls.
    func dispatch(_ plan: DeliveryPlan) {
        guard plan.hasEvents else {
            state.add(plan.delivered ? \.delivered : \.undelivered, plan.dialect)
            return
        }
        let lifecycle = MessageLifecycle(
            plan: plan, options: options, dice: dice, state: state, courier: courier,
            generation: state.generation)
        scheduler.schedule { await lifecycle.run() }
    }

    /// Whether `plan`'s message is delivered, decided once per subject.
    func isDelivered(_ subject: String) -> Bool {
        !dice.chance(options.deliveryFailureRate, .deliveryFailure, subject)
    }

    /// Milliseconds since 1970, the unit of Zalo's timestamps (gateways.md §1.2, §1.3).
    static func epochMilliseconds() -> Int64 {
        Int64((Date().timeIntervalSince1970 * 1000).rounded(.down))
    }

    /// The current calendar day in Vietnam (UTC+7) as a day number, for same-day rules.
    static func vietnamDay() -> Int {
        Int((Date().timeIntervalSince1970 + 7 * 3600) / 86_400)
    }

    /// The current time in ISO 8601, UTC.
    static func isoNow() -> String {
        Date().ISO8601Format()
    }
}

extension Duration {
    /// Whole milliseconds, rounded down.
    var milliseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1000 + attoseconds / 1_000_000_000_000_000
    }
}
