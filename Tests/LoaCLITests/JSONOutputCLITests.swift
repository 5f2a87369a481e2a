import Foundation
import Testing

/// SPEC §3 through the real binary: a field with no value is printed as `null`, never left out.
@Suite("loa --format json keeps every key")
struct JSONOutputCLITests {
    @Test
    func fieldsWithoutAValueArePrintedAsNull() async throws {
        let cli = try CLI()
        _ = try cli.runner.write("residents.csv", Data("name,phone,hamlet\nLê Văn Cường,0912345678,\n".utf8))
        try cli.writeWebhookConfig(simulatorPort: 9)
        _ = try await cli.ok("residents", "import", "residents.csv")
        let id = try await cli.ok("notice", "create", "--title", "Thông báo", "--body", "Họp dân", "--to", "all")
            .trimmingCharacters(in: .whitespacesAndNewlines)

        // Nothing was sent yet, so the row has no error (and this resident no hamlet).
        let unread = try #require(try await cli.json("unread", id) as? [[String: Any]])
        let row = try #require(unread.first)
        #expect(row["last_error"] is NSNull, "\(row)")
        #expect(row["hamlet"] is NSNull, "\(row)")
        #expect(row["phone"] as? String == "0912345678")

        let report = try #require(try await cli.json("report", id) as? [String: Any])
        #expect(report["by"] is NSNull && report["grouped_by"] is NSNull, "\(report)")

        let channels = try #require(try await cli.json("channels") as? [[String: Any]])
        let channel = try #require(channels.first)
        #expect(channel["rate"] is NSNull, "\(channel)")
        let urls = try #require(channel["callback_urls"] as? [String: Any])
        #expect(urls["status"] is NSNull && urls["inbound"] is NSNull, "no hook_secret, no URLs: \(urls)")

        let token = try #require(try await cli.json("token", "create", "--role", "auditor") as? [String: Any])
        #expect(token["label"] is NSNull, "\(token)")
    }
}
