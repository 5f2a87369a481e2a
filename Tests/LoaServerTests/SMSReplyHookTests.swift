import Foundation
import LoaCore
import LoaHTTP
import Testing

/// Residents' SMS replies through the real server's inbound hooks (issue 17 §3, §4): SpeedSMS's
/// incoming push `{type, phone, content}` and Kannel's get-url with a UCS-2 text (gateways.md §13)
/// acknowledge the harness's convocation.
@Suite("SMS reply hooks")
struct SMSReplyHookTests {
    private static let channels = """
        [[channels]]
        name = "speed"
        kind = "speedsms"
        access_token = "speedsms-token"
        free_text = true
        [[channels]]
        name = "kannel"
        kind = "kannel"
        base_url = "http://127.0.0.1:13013"
        username = "loa"
        password = "kannel-password"
        free_text = true
        """

    @Test("SpeedSMS incoming SMS \"OK\" acknowledges the resident's convocation")
    func speedSMSReply() async throws {
        let server = try await ServerHarness.start(extraChannels: Self.channels)
        let body = #"{"type":"inbound","phone":"84356789012","content":"OK"}"#
        let response = try await server.request(
            .post, ServerHarness.hookPath("speed", "inbound"), headers: ["Content-Type": "application/json"],
            body: Array(body.utf8))
        #expect(response.status == 200, "\(response.bodyText)")
        #expect(try await server.state("Phạm Thị Dung") == .acknowledged)
        await server.stop()
    }

    @Test("Kannel get-url with a UCS-2 \"Đã nhận\" (no mo-recode) acknowledges the convocation")
    func kannelUCS2Reply() async throws {
        let server = try await ServerHarness.start(extraChannels: Self.channels)
        var text = ""
        for unit in "Đã nhận \(server.notice.shortCode)".utf16 {
            text += String(format: "%%%02X%%%02X", unit >> 8, unit & 0xFF)
        }
        let query = "from=84356789012&to=8088&text=\(text)&coding=2&charset=UTF-16BE&ts=1796225731"
            + "&id=2cb56a9d-060f-46dd-aac7-20d8cb108075&smsc=fake"
        let response = try await server.request(.get, ServerHarness.hookPath("kannel", "inbound") + "?" + query)
        #expect(response.status == 200, "\(response.bodyText)")
        #expect(try await server.state("Phạm Thị Dung") == .acknowledged)
        await server.stop()
    }
}
