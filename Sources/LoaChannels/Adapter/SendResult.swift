import LoaCore

/// What a gateway said when it took a message.
public struct SendResult: Sendable, Equatable {
    /// `accepted` usually; `delivered` where the gateway answers with delivery itself.
    public var state: MessageState
    /// The gateway's own id for the message (ZNS `msg_id`, eSMS `SMSID`, Twilio `sid`), for callbacks.
    public var gatewayRef: String?
    /// SMS segments billed, when known.
    public var segments: Int?
    /// Anything worth keeping in the attempt's history (e.g. remaining quota).
    public var detail: String?
    /// What the gateway said is left of the channel's daily allowance (ZNS `quota`), when it says.
    public var quota: QuotaReading?

    public init(
        state: MessageState = .accepted, gatewayRef: String? = nil, segments: Int? = nil, detail: String? = nil,
        quota: QuotaReading? = nil
    ) {
        self.state = state
        self.gatewayRef = gatewayRef
        self.segments = segments
        self.detail = detail
        self.quota = quota
    }
}
