import Foundation
import PostgresNIO

extension PostgresStore {
    public func channelQuotas() async throws -> [ChannelQuota] {
        try await read { db in
            try await db.rows("SELECT * FROM channel_quota ORDER BY channel").map { row in
                ChannelQuota(
                    channel: try row["channel"], daily: (try row["daily"] as Int64?).map { Int($0) },
                    remaining: Int(try row["remaining"] as Int64), resetsAt: Date(millis: try row["resets_at"]),
                    updatedAt: Date(millis: try row["updated_at"]))
            }
        }
    }

    public func saveChannelQuotas(_ quotas: [ChannelQuota]) async throws {
        guard !quotas.isEmpty else { return }
        _ = try await write { db in
            for quota in quotas {
                let daily = quota.daily.map { Int64($0) }
                try await db.run("""
                    INSERT INTO channel_quota (channel, daily, remaining, resets_at, updated_at)
                    VALUES (\(quota.channel), \(daily), \(Int64(quota.remaining)), \(quota.resetsAt.millis),
                            \(quota.updatedAt.millis))
                    ON CONFLICT (channel) DO UPDATE SET daily = excluded.daily, remaining = excluded.remaining,
                        resets_at = excluded.resets_at, updated_at = excluded.updated_at
                    """)
            }
        }
    }

    public func channelTemplate(channel: String) async throws -> ChannelTemplateRecord? {
        try await read { db in
            try await db.rows("SELECT * FROM channel_templates WHERE channel = \(channel)").first.map { row in
                ChannelTemplateRecord(
                    channel: try row["channel"], templateID: try row["template_id"], info: try row["info"],
                    fetchedAt: Date(millis: try row["fetched_at"]))
            }
        }
    }

    public func saveChannelTemplate(_ record: ChannelTemplateRecord) async throws {
        _ = try await write { db in
            try await db.run("""
                INSERT INTO channel_templates (channel, template_id, info, fetched_at)
                VALUES (\(record.channel), \(record.templateID), \(record.info), \(record.fetchedAt.millis))
                ON CONFLICT (channel) DO UPDATE SET template_id = excluded.template_id, info = excluded.info,
                    fetched_at = excluded.fetched_at
                """)
        }
    }
}
