import LoaChannels
import LoaStore

/// Keeps Zalo OAuth pairs in the store's `channel_credentials` table, so a refreshed (single-use)
/// refresh token survives a restart (gateways.md §2, §11.6).
struct StoreCredentialVault: ZaloCredentialVault {
    let store: any Store

    func credentials(channel: String) async throws -> ZaloCredentials? {
        try await store.channelCredentials(channel: channel).map { stored in
            ZaloCredentials(
                channel: stored.channel, accessToken: stored.accessToken, refreshToken: stored.refreshToken,
                expiresAt: stored.expiresAt, refreshedAt: stored.refreshedAt, failure: stored.failure)
        }
    }

    func save(_ credentials: ZaloCredentials) async throws {
        try await store.saveChannelCredentials(
            ChannelCredentials(
                channel: credentials.channel, accessToken: credentials.accessToken,
                refreshToken: credentials.refreshToken, expiresAt: credentials.expiresAt,
                refreshedAt: credentials.refreshedAt, failure: credentials.failure))
    }
}
