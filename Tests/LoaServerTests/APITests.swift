import Foundation
import LoaCore
import LoaHTTP
import Testing

/// `/api/…` answers with the CLI's JSON shapes (SPEC §3, §5).
@Suite("JSON API", .serialized)
struct APITests {
    @Test
    func reportAndUnreadMirrorTheCLI() async throws {
        let server = try await ServerHarness.start()
        let token = try await server.token("Nguyễn Văn An")
        _ = try await server.request(.post, "/m/\(token)/ack")
        let id = server.notice.id
        let auditor = try await server.bearer(.auditor, label: "kiem-tra")
        let report = try await server.request(.get, "/api/notices/\(id)/report?by=hamlet", headers: auditor)
        #expect(report.status == 200)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(report.body)) as? [String: Any])
        #expect(json["notice"] as? String == id)
        #expect(json["targeted"] as? Int == 4)
        #expect(json["reached"] as? Int == 1)
        #expect(json["reach"] as? Double == 0.25)
        #expect(json["reach_target"] as? Double == 0.8)
        let rows = try #require(json["by"] as? [[String: Any]])
        #expect(rows.map { $0["key"] as? String } == ["Đồng Tâm", "Thông Nhất"])
        #expect(rows.map { $0["reach"] as? Double } == [0, 0.5])

        let unread = try await server.request(
            .get, "/api/notices/\(id)/unread?format=csv&hamlet=Th%C3%B4ng%20Nh%E1%BA%A5t", headers: auditor)
        #expect(unread.status == 200)
        let csv = String(decoding: unread.body, as: UTF8.self)
        #expect(csv == "resident,name,phone,hamlet,state,last_error\r\n2,Trần Thị Bình,0987654321,Thông Nhất,accepted,\r\n")
        #expect(try await server.request(.get, "/api/notices/N-NOPE/report", headers: auditor).status == 404)
        #expect(try await server.request(.get, "/api/notices/\(id)/report?by=street", headers: auditor).status == 400)
        let health = try await server.request(.get, "/healthz")
        #expect(String(decoding: health.body, as: UTF8.self).contains("\"database\":\"ok\""))
        await server.stop()
    }
}

/// `/metrics` in Prometheus text format (issue 6).
@Suite("Metrics", .serialized)
struct MetricsTests {
    @Test
    func messagesByStateAndChannelAndTheQueueAreExposed() async throws {
        let server = try await ServerHarness.start()
        _ = try await server.request(.post, ServerHarness.hookPath("zalo"), body: Array("{}".utf8))
        let response = try await server.request(.get, "/metrics")
        #expect(response.status == 200)
        #expect(response.headers["Content-Type"]?.hasPrefix("text/plain; version=0.0.4") == true)
        let text = String(decoding: response.body, as: UTF8.self)
        #expect(text.contains("loa_messages{state=\"accepted\",channel=\"zalo\"} 4"), "\(text)")
        #expect(text.contains("loa_queue_depth{kind=\"due\"} 0"))
        #expect(text.contains("# TYPE loa_messages gauge"))
        #expect(text.contains("loa_webhooks_refused_total{channel=\"zalo\",status=\"401\"} 1"), "\(text)")
        await server.stop()
    }
}
