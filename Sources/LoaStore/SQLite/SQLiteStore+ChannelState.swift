import Foundation
import GRDB

extension SQLiteStore {
    public func channelQuotas() async throws -> [ChannelQuota] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM channel_quota ORDER BY channel").map { row in
                ChannelQuota(
                    channel: row["channel"], daily: row["daily"], remaining: row["remaining"],
                    resetsAt: Date(millis: row["resets_at"]), updatedAt: Date(millis: row["updated_at"]))
            }
        }
    }

    public func saveChannelQuotas(_ quotas: [ChannelQuota]) async throws {
        guard !quotas.isEmpty else { return }
        try await pool.write { db in
            for quota in quotas {
                try db.execute(
                    sql: """
                        INSERT INTO channel_quota (channel, daily, remaining, resets_at, updated_at) VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT(channel) DO UPDATE SET daily = excluded.daily, remaining = excluded.remaining,
                            resets_at = excluded.resets_at, updated_at = excluded.updated_at
                        """,
                    arguments: [quota.channel, quota.daily, quota.remaining, quota.resetsAt.millis, quota.updatedAt.millis])
            }
        }
    }

    public func channelTemplate(channel: String) async throws -> ChannelTemplateRecord? {
        try await pool.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM channel_templates WHERE channel = ?", arguments: [channel]).map { row in
                ChannelTemplateRecord(
                    channel: row["channel"], templateID: row["template_id"], info: row["info"],
                    fetchedAt: Date(millis: row["fetched_at"]))
            }
        }
    }

    public func saveChannelTemplate(_ record: ChannelTemplateRecord) async throws {
        try await pool.write { db in
            try db.execute(
                sql: """
                    INSERT INTO channel_templates (channel, template_id, info, fetched_at) VALUES (?, ?, ?, ?)
                    ON CONFLICT(channel) DO UPDATE SET template_id = excluded.template_id, info = excluded.info,
                        fetched_at = excluded.fetched_at
                    """,
                arguments: [record.channel, record.templateID, record.info, record.fetchedAt.millis])
        }
    }
}
