import Foundation
import GRDB

extension SQLiteStore {
    public func channelCredentials(channel: String) async throws -> ChannelCredentials? {
        try await pool.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM channel_credentials WHERE channel = ?", arguments: [channel]).map { row in
                ChannelCredentials(
                    channel: row["channel"], accessToken: row["access_token"], refreshToken: row["refresh_token"],
                    expiresAt: Date(millis: row["expires_at"]), refreshedAt: Date(millis: row["refreshed_at"]),
                    failure: row["failure"])
            }
        }
    }

    public func saveChannelCredentials(_ credentials: ChannelCredentials) async throws {
        try await pool.write { db in
            try db.execute(
                sql: """
                    INSERT INTO channel_credentials (channel, access_token, refresh_token, expires_at, refreshed_at, failure)
                    VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT(channel) DO UPDATE SET access_token = excluded.access_token,
                        refresh_token = excluded.refresh_token, expires_at = excluded.expires_at,
                        refreshed_at = excluded.refreshed_at, failure = excluded.failure
                    """,
                arguments: [
                    credentials.channel, credentials.accessToken, credentials.refreshToken,
                    credentials.expiresAt.millis, credentials.refreshedAt.millis, credentials.failure,
                ])
        }
    }
}
