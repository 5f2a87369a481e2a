import LoaHTTP

/// Plays out one accepted message: waits, sends its delivery callback (maybe twice, maybe out of
/// order), lets a link-preview fetcher read the link, and lets the simulated resident open it in
/// their phone's browser and confirm.
struct MessageLifecycle: Sendable {
    let plan: DeliveryPlan
    let options: SimulatorOptions
    let dice: Dice
    let state: SimulatorState
    let courier: Courier
    let generation: Int

    func run() async {
        let subject = plan.subject
        guard await pause(dice.duration(in: options.callbackDelay, .callbackDelay, subject)) else { return }
        let duplicate = dice.chance(options.duplicateCallbackRate, .duplicate, subject)
        let outOfOrder = dice.chance(options.outOfOrderRate, .outOfOrder, subject)
        let engagement = dice.unit(.engagement, subject)
        let opens = plan.delivered && plan.link != nil && engagement < options.openShare
        let acks = opens && engagement < options.ackShare
        let previews = plan.delivered && plan.link != nil && dice.chance(options.previewShare, .preview, subject)
        let previewFirst = dice.unit(.previewOrder, subject) < 0.5
        state.add(plan.delivered ? \.delivered : \.undelivered, plan.dialect)

        if !outOfOrder {
            guard await report(plan.finalReport, twice: duplicate) else { return }
        }
        if let link = plan.link {
            if previews, previewFirst { guard await preview(link) else { return } }
            if opens { guard await visit(link, acknowledging: acks) else { return } }
            if previews, !previewFirst { guard await preview(link) else { return } }
        }
        if outOfOrder {
            guard await report(plan.finalReport, twice: duplicate) else { return }
            if let earlier = plan.earlierReport {
                _ = await report(earlier, twice: false)
            } else if plan.finalReport != nil {
                // The dialect has a single state: the out-of-order case it can show is a late repeat.
                guard await pause(dice.duration(in: options.callbackDelay, .callbackDelay, subject, attempt: 1))
                else { return }
                _ = await report(plan.finalReport, twice: false)
            }
        }
    }

    /// Sends one callback (twice if asked); false once the simulator stops or was reset.
    private func report(_ make: DeliveryPlan.Report?, twice: Bool) async -> Bool {
        guard let make else { return true }
        for _ in 0..<(twice ? 2 : 1) {
            guard isCurrent else { return false }
            switch await courier.call(make) {
            case .delivered: state.add(\.callbacksSent, plan.dialect)
            case .failed: state.add(\.callbacksFailed, plan.dialect)
            case .abandoned: return false
            }
        }
        return true
    }

    /// Opens `link` after the open delay in the resident's browser, and, if asked and the page
    /// has a form, confirms after the ack delay; false once the simulator stops or was reset.
    private func visit(_ link: String, acknowledging: Bool) async -> Bool {
        let subject = plan.subject
        let agent = ResidentAgent.draw(dice, subject)
        let browser = ResidentBrowser(agent: agent, courier: courier, linkOrigin: options.linkOrigin)
        guard await pause(dice.duration(in: options.openDelay, .openDelay, subject)) else { return false }
        let load = await browser.load(link)
        guard load.page != .abandoned, load.resources != .abandoned else { return false }
        // The person has read the page only once it and everything it loads arrived.
        if count(load.page == .delivered ? load.resources : load.page, as: \.opens) {
            state.noteOpened(link, in: agent.app)
        }
        // A page without a form offers nothing to confirm with.
        guard acknowledging, load.page == .delivered, let form = load.contents?.form else { return true }
        guard await pause(dice.duration(in: options.ackDelay, .ackDelay, subject)) else { return false }
        let acked = await browser.submit(form, of: link)
        if count(acked, as: \.acks) { state.noteAcknowledged(link) }
        return acked != .abandoned
    }

    /// A link-preview fetcher reads `link`; false once the simulator stops or was reset.
    private func preview(_ link: String) async -> Bool {
        guard isCurrent else { return false }
        let previewer = LinkPreviewer(
            agent: PreviewAgent.draw(dice, plan.subject),
            headFirst: dice.chance(PreviewAgent.headShare, .previewHead, plan.subject), courier: courier,
            linkOrigin: options.linkOrigin)
        let outcome = await previewer.fetch(link)
        if outcome == .delivered { state.add(\.previewFetches, plan.dialect) }
        return outcome != .abandoned && isCurrent
    }

    private func count(_ outcome: Courier.Outcome, as counter: WritableKeyPath<DialectStats, Int>) -> Bool {
        switch outcome {
        case .delivered: state.add(counter, plan.dialect)
        case .failed: state.add(\.linkFailures, plan.dialect)
        case .abandoned: break
        }
        return outcome == .delivered
    }

    private func pause(_ duration: Duration) async -> Bool {
        await EventScheduler.pause(duration) && isCurrent
    }

    private var isCurrent: Bool {
        state.generation == generation
    }
}
