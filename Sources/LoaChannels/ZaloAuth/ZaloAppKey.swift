import LoaConfig

/// The Zalo app and Official Account an OAuth pair belongs to (gateways.md §2): every channel with
/// the same `app_id` and `oa_id` sends with one pair, kept by one ``ZaloTokenKeeper``, because each
/// refresh kills the previous refresh token (§13).
public struct ZaloAppKey: Sendable, Hashable, CustomStringConvertible {
    public var appID: String
    /// Empty when the channel names no `oa_id`.
    public var oaID: String

    public init(appID: String, oaID: String) {
        self.appID = appID
        self.oaID = oaID
    }

    /// The key of a Zalo channel's pair.
    public init(config: ChannelConfig) {
        self.init(appID: config.settings["app_id"] ?? "", oaID: config.settings["oa_id"] ?? "")
    }

    /// The vault's key: `zalo-app:<app_id>` or `zalo-app:<app_id>/oa:<oa_id>`.
    public var storageKey: String { "zalo-app:" + appID + (oaID.isEmpty ? "" : "/oa:" + oaID) }

    public var description: String { "app \(appID)" + (oaID.isEmpty ? "" : ", OA \(oaID)") }
}
