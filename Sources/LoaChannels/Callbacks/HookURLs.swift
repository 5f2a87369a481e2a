/// The callback URLs of one channel (`{public_url}/hooks/{channel}/{hook-secret}/{event}`), which
/// adapters put into requests (eSMS `CallbackUrl`, Kannel `dlr-url`, Twilio `StatusCallback`).
public struct HookURLs: Sendable, Equatable {
    public var status: String
    public var inbound: String

    public init(status: String, inbound: String) {
        self.status = status
        self.inbound = inbound
    }

    /// The URLs for `channel` under `publicURL` with `hookSecret` as the path segment.
    public init(publicURL: String, channel: String, hookSecret: String) {
        let base = publicURL.hasSuffix("/") ? String(publicURL.dropLast()) : publicURL
        let prefix = base + "/hooks/" + channel + "/" + hookSecret + "/"
        self.init(status: prefix + "status", inbound: prefix + "inbound")
    }
}
