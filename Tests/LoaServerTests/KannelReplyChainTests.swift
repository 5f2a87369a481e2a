import Foundation
import LoaCore
import Testing

/// A resident's accented reply the whole way (issue 17 §3): the fake SMSC hands Kannel a UCS-2
/// "Đã nhận …", smsbox calls the get-url of `scripts/kannel/kannel.conf` (SMS to 8099), and a real
/// Loa server on that port acknowledges the convocation. Needs the Kannel `scripts/test` starts
/// (`scripts/lib/kannel.sh`); skipped without it, except under `CI=true`.
@Suite("Kannel reply chain", .serialized)
struct KannelReplyChainTests {
    /// Where the chain's server must listen, its hook secret, and fakesmsc's input FIFO.
    struct Peer {
        var port: Int
        var hookSecret: String
        var sendsms: String
        var fifo: String

        static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> Peer? {
            guard let port = environment["LOA_KANNEL_CHAIN_PORT"].flatMap(Int.init),
                let secret = environment["LOA_KANNEL_HOOK_SECRET"], let sendsms = environment["LOA_KANNEL_SENDSMS"],
                let directory = environment["LOA_KANNEL_DIR"]
            else { return nil }
            return Peer(port: port, hookSecret: secret, sendsms: sendsms, fifo: directory + "/fakesmsc.in")
        }

        /// One line for fakesmsc: `<from> <to> ucs2 <UTF-16BE bytes, URL-encoded>`.
        func sendFromPhone(_ from: String, to: String, ucs2 text: String) throws {
            var encoded = ""
            for unit in text.utf16 {
                encoded += String(format: "%%%02X%%%02X", unit >> 8, unit & 0xFF)
            }
            guard let handle = FileHandle(forWritingAtPath: fifo) else { throw HarnessError("cannot open \(fifo)") }
            defer { try? handle.close() }
            try handle.write(contentsOf: Data("\(from) \(to) ucs2 \(encoded)\n".utf8))
        }

        /// An empty line, which fakesmsc skips; reading it sends a line that sat in its buffer
        /// because another test wrote at the same moment (KannelPeer.nudgeFakeSMSC).
        func nudge() throws {
            guard let handle = FileHandle(forWritingAtPath: fifo) else { return }
            defer { try? handle.close() }
            try handle.write(contentsOf: Data("\n".utf8))
        }
    }

    @Test("CI runs the Kannel reply chain")
    func requiredOnCI() {
        if ProcessInfo.processInfo.environment["CI"] == "true", Peer.fromEnvironment() == nil {
            Issue.record("CI=true but LOA_KANNEL_CHAIN_PORT is unset: run scripts/test, which starts Kannel")
        }
    }

    @Test(
        "A UCS-2 \"Đã nhận\" through fakesmsc and real Kannel acknowledges the convocation on a real server",
        .enabled(if: Peer.fromEnvironment() != nil, "LOA_KANNEL_CHAIN_PORT is unset: scripts/test starts Kannel"))
    func ucs2ReplyAcknowledges() async throws {
        let peer = try #require(Peer.fromEnvironment())
        let server = try await ServerHarness.start(
            extraChannels: """
                [[channels]]
                name = "kannel"
                kind = "kannel"
                base_url = "\(peer.sendsms)"
                username = "loa"
                password = "unused-here"
                free_text = true
                """,
            port: peer.port, hookSecret: peer.hookSecret)
        let started = ContinuousClock.now
        try peer.sendFromPhone("84356789012", to: "8099", ucs2: "Đã nhận \(server.notice.shortCode)")
        var state = try await server.state("Phạm Thị Dung")
        // smsbox retries a get-url that failed (http-request-retry), so a slow start is not lost.
        for tick in 1...150 where state != .acknowledged {
            try await Task.sleep(for: .milliseconds(100))
            if tick % 20 == 0 { try peer.nudge() }
            state = try await server.state("Phạm Thị Dung")
        }
        print("KannelReplyChainTests: acknowledged after \(ContinuousClock.now - started)")
        #expect(state == .acknowledged)
        await server.stop()
    }
}
