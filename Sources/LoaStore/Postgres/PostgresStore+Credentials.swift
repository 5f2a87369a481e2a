import Foundation
import PostgresNIO

extension PostgresStore {
    public func channelCredentials(channel: String) async throws -> ChannelCredentials? {
        try await read { db in
            try await db.rows("SELECT * FROM channel_credentials WHERE channel = \(channel)").first.map { row in
                ChannelCredentials(
                    channel: try row["channel"], accessToken: try row["access_token"],
                    refreshToken: try row["refresh_token"], expiresAt: Date(millis: try row["expires_at"]),
                    refreshedAt: Date(millis: try row["refreshed_at"]), failure: try row["failure"])
            }
        }
    }

    public func saveChannelCredentials(_ credentials: ChannelCredentials) async throws {
        _ = try await write { db in
            try await db.run("""
                INSERT INTO channel_credentials (channel, access_token, refresh_token, expires_at, refreshed_at, failure)
                VALUES (\(credentials.channel), \(credentials.accessToken), \(credentials.refreshToken),
                        \(credentials.expiresAt.millis), \(credentials.refreshedAt.millis), \(credentials.failure))
                ON CONFLICT (channel) DO UPDATE SET access_token = excluded.access_token,
                    refresh_token = excluded.refresh_token, expires_at = excluded.expires_at,
                    refreshed_at = excluded.refreshed_at, failure = excluded.failure
                """)
        }
    }
}
