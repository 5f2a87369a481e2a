import Foundation
import LoaCore
import LoaHTTP
import Testing

/// Thousands of random, truncated and oversized bodies at every hook and the ack endpoint: every
/// answer is a clean refusal and nothing in the store changes (SPEC §8).
@Suite("Hook and ack fuzzing", .serialized)
struct FuzzTests {
    /// A small deterministic generator, so a failure can be replayed.
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func int(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
        mutating func bytes(_ count: Int) -> [UInt8] { (0..<count).map { _ in UInt8(truncatingIfNeeded: next()) } }
    }

    @Test
    func randomBodiesNeverCrashOrChangeState() async throws {
        let server = try await ServerHarness.start()
        let an = try server.job("Nguyễn Văn An")
        let token = try await server.token("Nguyễn Văn An")
        let valid = HookTests.receipt(key: an.idempotencyKey, msgID: "m1", timestamp: Date()).body
        // Ids no message has: a fuzzed query that still parses must find nothing to change.
        let esmsQuery = "SMSID=X\(an.messageID)&RequestId=Q\(an.idempotencyKey)&SendStatus=5&SendSuccess=1&SendFailed=0"
        let before = try await server.store.messageCounts(notice: server.notice.id)
        var random = Generator(state: 2026)
        var statuses: [Int: Int] = [:]
        for round in 0..<1500 {
            let body: [UInt8]
            switch round % 5 {
            case 0: body = random.bytes(random.int(400))
            case 1: body = Array(valid.utf8.prefix(random.int(valid.utf8.count)))
            case 2:
                var bytes = Array(valid.utf8)
                for _ in 0..<(1 + random.int(4)) { bytes[random.int(bytes.count)] = UInt8(truncatingIfNeeded: random.next()) }
                body = bytes
            case 3: body = Array(repeating: UInt8(ascii: "{"), count: 1 + random.int(2000))
            default: body = Array(("{\"event_name\":\"user_send_text\",\"message\":{\"text\":\"" + String(repeating: "ệ", count: random.int(300)) + "\"}}").utf8)
            }
            let signature = round % 7 == 0 ? "mac=" + String(repeating: "a", count: 64) : String(decoding: random.bytes(12).map { 97 + $0 % 26 }, as: UTF8.self)
            let target = random.int(4)
            let response: HTTPResponse
            switch target {
            case 0:
                response = try await server.request(
                    .post, ServerHarness.hookPath("zalo"), headers: ["X-ZEvent-Signature": signature], body: body)
            case 1:
                let cut = esmsQuery.prefix(random.int(esmsQuery.count))
                let mangled = cut.replacingOccurrences(of: "5", with: String(random.int(10)))
                response = try await server.request(.get, ServerHarness.hookPath("sms") + "?" + mangled)
            case 2:
                response = try await server.request(.post, "/m/\(token)x/ack", body: body)
            default:
                response = try await server.request(.post, ServerHarness.hookPath("sms", "inbound"), body: body)
            }
            statuses[response.status, default: 0] += 1
            #expect(response.status < 500, "round \(round) target \(target) got \(response.status)")
        }
        // An oversized body is refused before it is read.
        let huge = [UInt8](repeating: UInt8(ascii: "a"), count: 300 * 1024)
        let tooLarge = try await server.request(.post, ServerHarness.hookPath("zalo"), headers: ["X-ZEvent-Signature": "mac=00"], body: huge)
        #expect(tooLarge.status == 413)
        #expect(try await server.store.messageCounts(notice: server.notice.id) == before)
        #expect(try await server.store.events(message: an.messageID).isEmpty)
        #expect(try await server.request(.get, "/healthz").status == 200, "still serving: \(statuses)")
        await server.stop()
    }
}
