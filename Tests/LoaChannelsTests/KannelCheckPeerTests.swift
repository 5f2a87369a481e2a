import Foundation
import LoaChannels
import LoaConfig
import LoaHTTP
import Testing

/// `loa channels check` against the real Kannel `scripts/test` starts: the credentials are proved
/// by a sendsms request that names no receiver, and nothing reaches the fake SMSC.
@Suite(
    "Kannel account check against a real smsbox", .serialized,
    .enabled(if: KannelPeer.isAvailable, "LOA_KANNEL_SENDSMS is unset: scripts/test starts Kannel"))
struct KannelCheckPeerTests {
    let peer: KannelPeer

    init() throws {
        peer = try #require(KannelPeer.fromEnvironment())
    }

    private func adapter(password: String) throws -> any ChannelAdapter {
        let toml = """
            [[channels]]
            name = "kannel"
            kind = "kannel"
            base_url = "\(peer.sendsms)"
            username = "\(peer.username)"
            password = "\(password)"
            """
        let config = try #require(try LoaConfiguration.parse(toml, source: "peer.toml", environment: [:]).channels.first)
        return try ChannelRegistry.adapter(for: config)
    }

    private var fakeSMSCLog: String {
        (try? String(contentsOfFile: peer.directory + "/fakesmsc.log", encoding: .utf8)) ?? ""
    }

    @Test("Good credentials: smsbox answers 400 Missing receiver number → ok; wrong password: 403 → failed")
    func credentials() async throws {
        let client = HTTPClient()
        defer { client.shutdown() }
        let before = fakeSMSCLog

        let good = await try adapter(password: peer.password).checkAccount(over: client)
        #expect(good.count == 1)
        #expect(good.first?.check == "credentials" && good.first?.status == .ok, "\(good)")
        #expect(good.first?.detail.contains("Missing receiver number, rejected") == true, "\(good)")

        let wrongPassword = "not-\(peer.password)"
        let wrong = await try adapter(password: wrongPassword).checkAccount(over: client)
        #expect(wrong.first?.status == .failed, "\(wrong)")
        #expect(wrong.first?.detail.contains("403 \"Authorization failed for sendsms\"") == true, "\(wrong)")
        #expect(wrong.allSatisfy { !$0.detail.contains(wrongPassword) && !$0.detail.contains(peer.password) })

        // Nothing of the check's own reaches the fake SMSC. Other Kannel suites share this fakesmsc
        // and may send at the same time, so only a message the check could have made counts: it
        // names no receiver and no text, which fakesmsc would log as `<from to text >`.
        try await Task.sleep(for: .milliseconds(500))
        let added = fakeSMSCLog.dropFirst(before.count).split(separator: "\n").filter { $0.contains("Got message") }
        #expect(added.allSatisfy { !$0.hasSuffix(" text >") && !$0.hasSuffix(" text>") }, "a check sends nothing: \(added)")
    }
}
