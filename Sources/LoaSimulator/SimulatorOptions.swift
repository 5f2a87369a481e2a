/// Everything the gateway simulator can be told (SPEC §7); the defaults accept and deliver every
/// message at once, with no callbacks until a callback URL is configured.
///
/// Every rate and share is a probability in `0...1`. Decisions are drawn from ``seed`` and the
/// message's idempotency key (and, for faults, how many times that key has arrived), so a run is
/// reproducible whatever order concurrent requests arrive in, and a re-send gets a fresh draw.
public struct SimulatorOptions: Sendable {
    /// The address to listen on.
    public var host: String = "127.0.0.1"
    /// The port to listen on; 0 picks a free one (read it from ``GatewaySimulator/start()``).
    public var port: Int = 0
    /// The seed of every random decision.
    public var seed: UInt64 = 0

    // MARK: Answering sends

    /// How long to wait before answering a send.
    public var latency: ClosedRange<Duration> = .zero ... .zero
    /// The share of sends answered with HTTP 500 or 503 (not processed).
    public var serverErrorRate: Double = 0
    /// The share of sends answered with HTTP 429 and a `Retry-After` header (not processed).
    public var throttleRate: Double = 0
    /// The `Retry-After` value, in seconds, sent with a 429.
    public var retryAfterSeconds: Int = 1
    /// The share of sends held unanswered for ``timeoutHold``, so the client times out.
    public var timeoutRate: Double = 0
    /// How long a timed-out send is held before the connection is answered with 504.
    public var timeoutHold: Duration = .seconds(30)
    /// Whether a send that times out was nevertheless processed (accepted, and called back) — the
    /// ambiguous case a sender must reconcile.
    public var processTimedOutSends: Bool = false
    /// The largest request body read; a larger one is refused with 413.
    public var maxBodySize: Int = 256 * 1024

    // MARK: Residents

    /// The share of phone numbers with no Zalo account (ZNS answers `-118`); decided by the number
    /// alone, see ``residentHasZalo(phone:)``.
    public var noZaloShare: Double = 0
    /// The share of accepted messages that are not delivered (the callback reports a failure;
    /// ZNS, which has no failure event, sends none).
    public var deliveryFailureRate: Double = 0
    /// The share of delivered messages carrying a resident link whose resident opens it: their
    /// phone's browser (Zalo's in-app browser for about 70 %, see ``ResidentApp``) GETs the page,
    /// then its same-origin stylesheets and images.
    public var openShare: Double = 0
    /// How long after delivery the resident opens the link.
    public var openDelay: ClosedRange<Duration> = .zero ... .zero
    /// The share of delivered messages carrying a link whose resident acknowledges by submitting
    /// the page's `<form method="post">` (a page without one cannot be confirmed); at most
    /// ``openShare`` takes effect.
    public var ackShare: Double = 0
    /// How long after opening the resident acknowledges.
    public var ackDelay: ClosedRange<Duration> = .zero ... .zero
    /// The share of delivered messages carrying a link that a link-preview fetcher (Zalo's,
    /// Facebook's, Telegram's, WhatsApp's…) also fetches, before or after the resident and whether
    /// or not the resident opens: it reads the HTML only (sometimes after a HEAD), never the
    /// page's resources or form. Counted in ``DialectStats/previewFetches``.
    public var previewShare: Double = 0
    /// When set, resident links are visited at this origin (`http://127.0.0.1:8080`) instead of
    /// their own, for rehearsals whose links name a public URL that does not reach the local server.
    public var linkOrigin: String?

    // MARK: Callbacks

    /// How long after accepting a message its delivery callback is sent.
    public var callbackDelay: ClosedRange<Duration> = .zero ... .zero
    /// The share of callbacks sent twice.
    public var duplicateCallbackRate: Double = 0
    /// The share of messages whose callbacks arrive out of order: an earlier state after the final
    /// one where the dialect has one, and the delivery report after the resident's open and ack.
    public var outOfOrderRate: Double = 0
    /// How many times a callback or link visit is tried before it counts as failed.
    public var callbackAttempts: Int = 3
    /// The pause between two tries of one callback.
    public var callbackRetryDelay: Duration = .milliseconds(200)
    /// The time limit of one callback or link visit.
    public var callbackTimeout: Duration = .seconds(5)

    // MARK: Accounts

    /// The simulated Zalo ZNS account.
    public var zalo = ZaloZNSAccount()
    /// The simulated Zalo Official Account (OA messages and OAuth tokens).
    public var zaloOA = ZaloOAAccount()
    /// The simulated eSMS account.
    public var esms = ESMSAccount()
    /// The simulated SpeedSMS account.
    public var speedsms = SpeedSMSAccount()
    /// The simulated Twilio account.
    public var twilio = TwilioAccount()
    /// The generic webhook receiver.
    public var webhook = WebhookAccount()

    /// Creates options with the defaults: everything succeeds, nothing waits.
    public init() {}

    /// Whether the resident with `phone` has a Zalo account under ``noZaloShare``, decided from
    /// the number alone (any common form), so a test or the demo can predict who falls back to SMS.
    public func residentHasZalo(phone: String) -> Bool {
        residentHasZalo(international: (try? GatewayPhone(phone).international) ?? phone)
    }

    /// ``residentHasZalo(phone:)`` for a number already in `84…` form.
    func residentHasZalo(international: String) -> Bool {
        Dice.stableUnit(international) >= noZaloShare
    }
}
