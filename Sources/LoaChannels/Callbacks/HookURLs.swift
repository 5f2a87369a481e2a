import LoaConfig

/// The callback URLs of one channel (`{public_url}/hooks/{channel}/{hook-secret}/{event}`), which
/// adapters put into requests (eSMS `CallbackUrl`, Kannel `dlr-url`, Twilio `StatusCallback`).
public struct HookURLs: Sendable, Equatable {
    public var status: String
    public var inbound: String
    /// The channel's secrets: the path segment in both URLs and the key of per-message tokens;
    /// nil for URLs given as they are.
    public var secret: HookSecret?

    /// What stands for the path secret wherever URLs are shown (SPEC §3 `loa channels`).
    public static let mask = "••••••"

    public init(status: String, inbound: String, secret: HookSecret? = nil) {
        self.status = status
        self.inbound = inbound
        self.secret = secret
    }

    /// The URLs of `secret`'s channel under `publicURL`, with the channel's derived path segment.
    public init(publicURL: String, secret: HookSecret) {
        let base = publicURL.hasSuffix("/") ? String(publicURL.dropLast()) : publicURL
        let prefix = base + "/hooks/" + secret.channel + "/" + secret.pathSegment + "/"
        self.init(status: prefix + "status", inbound: prefix + "inbound", secret: secret)
    }

    /// The URLs to give a gateway of `kind`: the status URL unless it reports nothing, the inbound
    /// URL only if it forwards residents' replies.
    public func registered(for kind: ChannelKind) -> (status: String?, inbound: String?) {
        (kind.callsBack ? status : nil, kind.forwardsReplies ? inbound : nil)
    }

    /// The same URLs with the path secret replaced by ``mask``, for listings.
    public var masked: HookURLs {
        guard let segment = secret?.pathSegment else { return self }
        func hide(_ url: String) -> String { url.replacingOccurrences(of: "/" + segment + "/", with: "/" + Self.mask + "/") }
        return HookURLs(status: hide(status), inbound: hide(inbound))
    }
}
