import LoaChannels
import LoaStore

/// Keeps Zalo OAuth pairs in the store's `channel_credentials` table, so a refreshed (single-use)
/// refresh token survives a restart (gateways.md §2, §11.6).
///
/// The table's `channel` column holds the vault key: `zalo-app:<app_id>[/oa:<oa_id>]` for a pair
/// shared by every channel of that app and OA (``ZaloAppKey``), or a channel name for pairs saved
/// before, which the keeper carries over to its app's key when it first loads them.
struct StoreCredentialVault: ZaloCredentialVault {
    let store: any Store

    func credentials(key: String) async throws -> ZaloCredentials? {
        try await store.channelCredentials(channel: key).map { stored in
            ZaloCredentials(
                key: stored.channel, accessToken: stored.accessToken, refreshToken: stored.refreshToken,
                expiresAt: stored.expiresAt, refreshedAt: stored.refreshedAt, failure: stored.failure)
        }
    }

    func save(_ credentials: ZaloCredentials) async throws {
        try await store.saveChannelCredentials(
            ChannelCredentials(
                channel: credentials.key, accessToken: credentials.accessToken,
                refreshToken: credentials.refreshToken, expiresAt: credentials.expiresAt,
                refreshedAt: credentials.refreshedAt, failure: credentials.failure))
    }
}
