import Foundation
import LoaChannels
import LoaCore
import LoaHTTP
import LoaTesting
import Testing

/// Issue 17 §3 against the real Kannel of `scripts/test`: a long Vietnamese text leaves in every
/// part (`max-messages` in `scripts/kannel/kannel.conf`), and accented replies that the fake SMSC
/// hands in as UCS-2 reach Loa readable (`mo-recode`, and `coding`/`charset` in the get-url).
extension KannelPeerTests {
    @Test("A 3-part Vietnamese text arrives whole at the fake SMSC: three parts, the same text")
    func longTextArrivesWhole() async throws {
        let receiver = try TestHTTPServer { _ in .text(200, "ok") }
        defer { receiver.shutdown() }
        let client = HTTPClient()
        defer { client.shutdown() }
        let adapter = try peer.adapter(hookBase: receiver.baseURL)
        let message = try KannelPeer.message(
            to: "0912345678", title: "Họp thôn Đông",
            body: "Mời bà con dự họp lúc 19:30 ngày 03/12 tại nhà văn hóa thôn để bàn việc sửa đường liên thôn, "
                + "nạo vét kênh mương và phân công trực phòng chống bão lũ. Mỗi hộ cử một người đến đúng giờ.")
        let sent = try adapter.body(for: message).text
        let result = try await adapter.send(message, over: client)
        #expect(result.state == .accepted && result.segments == 3)
        let clock = ContinuousClock()
        let deadline = clock.now + .seconds(10)
        var arrived = peer.fakeSMSCConcatenated().last { $0.text == sent }
        while arrived?.parts.count != 3, clock.now < deadline {
            try await Task.sleep(for: .milliseconds(100))
            arrived = peer.fakeSMSCConcatenated().last { $0.text == sent }
        }
        let whole = try #require(arrived, "fakesmsc saw \(peer.fakeSMSCConcatenated().suffix(2).map(\.text))")
        // Every part Kannel sent, as Loa counted them: the reply says nothing about parts (§13).
        #expect(whole.total == 3 && whole.parts == [1, 2, 3])
        #expect(whole.parts.count == result.segments)
        #expect(whole.text == sent)
    }

    @Test("UCS-2 replies through the fake SMSC: Đã nhận, Xác nhận and Có acknowledge")
    func ucs2RepliesAcknowledge() async throws {
        let stub = try KannelUpstreamStub(port: peer.upstreamStubPort) { _ in (200, "") }
        defer { stub.shutdown() }
        let adapter = try peer.adapter(hookBase: "http://127.0.0.1:1")
        let replies = ["Đã nhận K7QX2M", "Xác nhận", "Có"]
        var texts: [String] = []
        var targets: [String] = []
        for reply in replies {
            try peer.sendFromPhone("84912345678", to: "8088", ucs2: reply)
            for tick in 1...100 where !texts.contains(reply) {
                try await Task.sleep(for: .milliseconds(100))
                if tick % 20 == 0 { try peer.nudgeFakeSMSC() }
                targets = stub.targets.filter { $0.contains("/inbound?") }
                texts = try targets.flatMap { target in try replyTexts(target, adapter: adapter) }
            }
        }
        print("KannelPeerTests: UCS-2 replies as Kannel passed them: \(targets.map { $0.split(separator: "?").last ?? "" })")
        for reply in replies {
            #expect(texts.contains(reply), "Kannel passed \(texts)")
        }
        // The shipped kannel.conf recodes UCS-2 (mo-recode) and says so in the get-url.
        #expect(targets.allSatisfy { $0.contains("coding=0") && $0.contains("charset=UTF-8") })
        #expect(ReplyKeyword.read(try #require(texts.first)) == .acknowledgement(shortCode: "K7QX2M"))
        for text in texts where replies.contains(text) {
            #expect(ReplyKeyword.read(text) != .other, "'\(text)' does not acknowledge")
        }
    }

    /// The reply texts the adapter reads from one get-url Kannel called (`target`: path and query).
    private func replyTexts(_ target: String, adapter: KannelAdapter) throws -> [String] {
        let query = String(target[target.index(after: try #require(target.firstIndex(of: "?")))...])
        let request = HookRequest(
            event: .inbound, method: "GET", url: "http://127.0.0.1:\(peer.upstreamStubPort)" + target,
            query: FormEncoding.decode(query), receivedAt: Date())
        return try adapter.events(in: request).compactMap { event -> String? in
            guard case .reply(let from, let text) = event.change, from == "+84912345678" else { return nil }
            return text
        }
    }
}
