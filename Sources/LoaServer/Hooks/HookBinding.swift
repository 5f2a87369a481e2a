import LoaChannels

/// Binds a callback's events to what the request that carried them can vouch for (SPEC §5).
///
/// The path secret opened one channel; on top of that:
/// - a status report from a gateway that echoes a per-send URL (Kannel `dlr-url`, eSMS
///   `CallbackUrl`) must carry the token made for the idempotency key it names (gateways.md §8,
///   §11.3), so one leaked URL speaks for one message only;
/// - a reply must come from a sender this channel can carry: a phone through SMS, a Zalo user
///   through Zalo; its sender is returned in the store's form.
///
/// Any event that fails refuses the whole request (401) before anything is recorded.
struct HookBinding {
    let adapter: any ChannelAdapter
    let secret: HookSecret

    func bound(_ events: [GatewayEvent], of request: HookRequest) throws(CallbackError) -> [GatewayEvent] {
        var result: [GatewayEvent] = []
        result.reserveCapacity(events.count)
        for var event in events {
            switch event.change {
            case .state:
                if adapter.statusCallbacksCarryToken { try checkToken(of: event, in: request) }
            case .reply(let from, let text):
                guard let carrier = ReplySender(kind: adapter.config.kind), let sender = carrier.normalized(from) else {
                    throw CallbackError(.unauthorized, "channel \(adapter.name) carries no replies from '\(from)'")
                }
                event.change = .reply(from: sender, text: text)
            }
            result.append(event)
        }
        return result
    }

    private func checkToken(of event: GatewayEvent, in request: HookRequest) throws(CallbackError) {
        guard case .key(let key)? = event.subject else {
            throw CallbackError(.unauthorized, "report on \(adapter.name) names no idempotency key to check its token against")
        }
        guard secret.accepts(request.queryValue(HookSecret.tokenParameter), for: key) else {
            throw CallbackError(.unauthorized, "report on \(adapter.name) for \(key) without the token of that message")
        }
    }
}
