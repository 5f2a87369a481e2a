import LoaHTTP

/// Plays out one accepted message: waits, sends its delivery callback (maybe twice, maybe out of
/// order), and lets the simulated resident open the link and acknowledge.
struct MessageLifecycle: Sendable {
    /// A phone browser's User-Agent, so Loa counts the visit as a human open (SPEC §5).
    static let residentUserAgents = [
        "Mozilla/5.0 (Linux; Android 13; SM-A145F) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/124.0.6367.82 Mobile Safari/537.36",
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
            + "Version/17.4 Mobile/15E148 Safari/604.1",
    ]

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
        state.add(plan.delivered ? \.delivered : \.undelivered, plan.dialect)

        if !outOfOrder {
            guard await report(plan.finalReport, twice: duplicate) else { return }
        }
        if opens, let link = plan.link {
            guard await visit(Self.relocated(link, to: options.linkOrigin), acknowledging: acks) else { return }
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

    /// Opens `link` after the open delay and, if asked, POSTs `<link>/ack` after the ack delay.
    private func visit(_ link: String, acknowledging: Bool) async -> Bool {
        let subject = plan.subject
        let agent = Self.residentUserAgents[Int(dice.hash(.engagement, subject, attempt: 1) % 2)]
        guard await pause(dice.duration(in: options.openDelay, .openDelay, subject)) else { return false }
        let opened = await courier.call(acceptedBelow: 400) {
            HTTPRequest(method: .get, url: link, headers: ["User-Agent": agent, "Accept": "text/html"])
        }
        let wasOpened = count(opened, as: \.opens)
        if wasOpened { state.noteLink(link, acknowledged: false) }
        guard wasOpened, acknowledging else { return opened != .abandoned }
        guard await pause(dice.duration(in: options.ackDelay, .ackDelay, subject)) else { return false }
        let acked = await courier.call(acceptedBelow: 400) {
            HTTPRequest(
                method: .post, url: Self.ackURL(for: link),
                headers: ["User-Agent": agent, "Content-Type": "application/x-www-form-urlencoded"], body: [])
        }
        if count(acked, as: \.acks) { state.noteLink(link, acknowledged: true) }
        return acked != .abandoned
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

    /// `link` with its scheme, host and port replaced by `origin`, when one is given.
    static func relocated(_ link: String, to origin: String?) -> String {
        guard let origin, let schemeEnd = link.firstRange(of: "://") else { return link }
        let afterScheme = link[schemeEnd.upperBound...]
        let path = afterScheme.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" }.map { afterScheme[$0...] } ?? ""
        return (origin.hasSuffix("/") ? String(origin.dropLast()) : origin) + path
    }

    /// `<link>/ack`, keeping any query string or fragment after the new path segment.
    static func ackURL(for link: String) -> String {
        guard let cut = link.firstIndex(where: { $0 == "?" || $0 == "#" }) else { return link + "/ack" }
        return String(link[..<cut]) + "/ack" + String(link[cut...])
    }
}
