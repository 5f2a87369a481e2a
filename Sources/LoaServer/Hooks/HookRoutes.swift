import Foundation
import Hummingbird
import LoaChannels
import LoaCore
import LoaStore

/// `GET|POST /hooks/{channel}/{hook-secret}/{event}` (SPEC §5): gateway delivery reports and replies.
///
/// A wrong secret, an unknown channel or event, a refused signature or an unreadable body gets
/// 404/401/400 and changes nothing; everything else is recorded before the 200 goes out.
enum HookRoutes {
    static func add(to router: Router<LoaRequestContext>, setup: ServerSetup) {
        let processor = HookProcessor(setup: setup, ingest: TrackingIngest(store: setup.store))
        for method in [HTTPRequest.Method.get, .post] {
            router.on("/hooks/:channel/:secret/:event", method: method) { request, context in
                await processor.handle(request, context: context)
            }
        }
    }
}

/// Turns one hook request into store changes.
struct HookProcessor: Sendable {
    let setup: ServerSetup
    /// Shared by every hook request, so concurrent callbacks are committed together.
    let ingest: TrackingIngest
    /// Each configured channel's own hook secrets, derived once (empty without `hook_secret`).
    let secrets: [String: HookSecret]
    /// The Zalo channels of each app, which share one webhook URL.
    let zaloApps: ZaloAppRoutes

    init(setup: ServerSetup, ingest: TrackingIngest) {
        self.setup = setup
        self.ingest = ingest
        self.secrets = Dictionary(
            setup.configuration.channels.compactMap { channel in setup.hookSecret(channel: channel.name).map { (channel.name, $0) } },
            uniquingKeysWith: { first, _ in first })
        self.zaloApps = ZaloAppRoutes(channels: setup.configuration.channels)
    }

    func handle(_ request: Request, context: LoaRequestContext) async -> Response {
        // A secret opens only its own channel (SPEC §5): the segment is checked against the
        // secret derived for the channel named in the same path.
        guard let channel = context.parameters.get("channel"), let secret = secrets[channel],
            let segment = context.parameters.get("secret"), secret.opens(segment),
            let adapter = setup.adapters[channel],
            let event = context.parameters.get("event").flatMap(HookRequest.Event.init(rawValue:))
        else {
            setup.metrics.recordRefusedHook(channel: "unknown", status: 404)
            return Responses.text(.notFound, "not found")
        }
        let body: ByteBuffer
        do {
            body = try await request.body.collect(upTo: context.maxUploadSize)
        } catch {
            return Responses.text(.contentTooLarge, "body too large")
        }
        let query = request.uri.query ?? ""
        let hook = HookRequest(
            event: event, method: request.method.rawValue,
            url: setup.configuration.server.publicURL + request.uri.path + (query.isEmpty ? "" : "?" + query),
            query: FormEncoding.decode(query),
            headers: Dictionary(request.headers.map { ($0.name.canonicalName, $0.value) }, uniquingKeysWith: { first, _ in first }),
            body: Array(buffer: body), receivedAt: setup.now())
        let events: [GatewayEvent]
        var target = channel
        do {
            try adapter.verify(hook)
            var reader = adapter
            var asConversation = false
            // One URL per Zalo app (gateways.md §13): a verified event goes to the channel it is for.
            if adapter.config.kind == .zaloZNS || adapter.config.kind == .zaloOA, let summary = ZaloEventSummary.of(hook) {
                let route = zaloApps.route(summary, arrivedOn: channel)
                if let routed = setup.adapters[route.channel] {
                    target = route.channel
                    reader = routed
                    asConversation = route.readAsConversation
                }
            }
            let read = asConversation ? try ZaloOAAdapter.conversationEvents(in: hook) : try reader.events(in: hook)
            events = try HookBinding(adapter: reader, secret: secrets[target] ?? secret).bound(read, of: hook)
        } catch {
            setup.logger.notice("hook refused", metadata: ["channel": "\(channel)", "reason": "\(error.message)"])
            setup.metrics.recordRefusedHook(channel: channel, status: error.status)
            return Responses.text(HTTPResponse.Status(code: error.status), error.message)
        }
        do {
            try await record(events, channel: target, at: hook.receivedAt)
        } catch {
            // The gateway retries on a non-2xx answer; nothing was half-applied (one transaction).
            setup.logger.error("hook not recorded", metadata: ["channel": "\(channel)", "error": "\(error)"])
            return Responses.text(.serviceUnavailable, "try again")
        }
        return Responses.text(.ok, "OK")
    }

    /// Applies each reply, then the state events in one transaction shared with concurrent hooks.
    /// Replies' senders are already in the store's form (``HookBinding``).
    func record(_ events: [GatewayEvent], channel: String, at time: Date) async throws {
        var tracking: [TrackingEvent] = []
        for event in events {
            switch (event.change, event.subject) {
            case (.state(let state), let subject?):
                tracking.append(
                    TrackingEvent(
                        subject: subject.stored, state: state, occurredAt: event.occurredAt, dedupeKey: event.dedupeKey,
                        detail: event.detail))
            case (.state, nil):
                continue
            case (.reply(let sender, let text), _):
                // A follower who writes may get consultation messages for 7 days (gateways.md §3.1).
                (setup.adapters[channel] as? ZaloOAAdapter)?.interactions.noteInbound(from: sender, at: event.occurredAt ?? time)
                _ = try await setup.store.recordReply(
                    channel: channel, sender: sender, text: text.precomposedStringWithCanonicalMapping,
                    reading: ReplyKeyword.read(text), dedupeKey: event.dedupeKey, at: time)
            }
        }
        if !tracking.isEmpty {
            _ = try await ingest.apply(TrackingBatch(events: tracking, channel: channel, receivedAt: time))
        }
    }
}

extension GatewayEvent.Subject {
    /// The store's spelling of the same subject.
    var stored: TrackingEvent.Subject {
        switch self {
        case .key(let key): .key(key)
        case .gatewayRef(let ref, let phone): .gatewayRef(ref, phone: phone.flatMap { (try? PhoneNumber(parsing: $0))?.e164 ?? $0 })
        }
    }
}
