import Synchronization

/// The last template info Zalo gave this process (in memory): read once at `loa run` start-up and
/// by `loa channels check`, consulted for every send.
public final class ZaloZNSTemplateCache: Sendable {
    private let info = Mutex<ZaloZNSTemplateInfo?>(nil)

    public init() {}

    /// The template info, or nil when Zalo was not asked or not reachable.
    public var current: ZaloZNSTemplateInfo? { info.withLock { $0 } }

    /// Keeps `info` for the sends that follow.
    public func remember(_ info: ZaloZNSTemplateInfo?) {
        self.info.withLock { $0 = info }
    }
}
