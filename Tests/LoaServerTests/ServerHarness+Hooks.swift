import Crypto
import Foundation
import LoaCore
import LoaStore

/// Hook paths and per-message tokens for the harness's `hook_secret`, derived here from SPEC §4
/// (HMAC-SHA256 of `hook_secret` and the channel name, hex, 32 digits) rather than with Loa's
/// code, so every test that posts to a hook builds its path the same way.
extension ServerHarness {
    /// `/hooks/{channel}/{channel's hook secret}/{event}`.
    static func hookPath(_ channel: String, _ event: String = "status") -> String {
        "/hooks/\(channel)/\(hookSegment(channel))/\(event)"
    }

    /// The `{hook-secret}` segment that opens `channel` (and no other).
    static func hookSegment(_ channel: String) -> String {
        String(hex(HMAC<SHA256>.authenticationCode(for: Data(channel.utf8), using: SymmetricKey(data: Data(hookSecret.utf8)))).prefix(32))
    }

    /// `t=…`: the token Loa puts beside `key` in a Kannel `dlr-url` or an eSMS `CallbackUrl` on `channel`.
    static func hookToken(_ channel: String, key: String) -> String {
        let master = SymmetricKey(data: Data(hookSecret.utf8))
        let tokenKey = HMAC<SHA256>.authenticationCode(for: Data((channel + "/message-token").utf8), using: master)
        let token = HMAC<SHA256>.authenticationCode(for: Data(key.utf8), using: SymmetricKey(data: Data(tokenKey)))
        return "t=" + String(hex(token).prefix(16))
    }

    private static func hex<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        bytes.map { String(format: "%02x", $0) }.joined()
    }

    /// A second convocation to `audience` (the four sample residents unless given) on `channel` alone,
    /// each message accepted there with gateway id `<prefix><message id>`, as a send through that
    /// channel leaves it.
    func send(
        on channel: String, refPrefix: String = "S", to audience: [AudienceSelector] = [.all]
    ) async throws -> (notice: String, jobs: [String: DispatchJob]) {
        let sendAt = Date().addingTimeInterval(-30)
        let notice = try await store.createNotice(
            NoticeDraft(
                kind: .convocation, title: "Họp tổ dân phố", body: "Kính mời bà con dự họp tổ.", audience: audience,
                channels: try ChannelPolicy(parsing: channel), sendAt: sendAt, meetingAt: sendAt.addingTimeInterval(86_400),
                place: "Nhà văn hóa thôn", createdBy: "test"))
        let jobs = try await store.claimDue(ClaimRequest(now: Date(), limit: 1000, worker: "w", lease: .seconds(600)))
        try await store.record(
            jobs.map { job in
                DispatchOutcome(
                    messageID: job.messageID, attemptID: job.attemptID, attemptOutcome: "accepted",
                    gatewayRef: "\(refPrefix)\(job.messageID)", state: .accepted, nextAt: nil, channelStep: 0, attemptCount: 0,
                    finishedAt: sendAt)
            }, worker: "w")
        return (notice.id, Dictionary(uniqueKeysWithValues: jobs.map { ($0.recipient.name, $0) }))
    }

    /// The state of message `id` of `notice`.
    func state(notice: String, message id: Int64) async throws -> MessageState? {
        try await store.messages(notice: notice).first { $0.id == id }?.state
    }
}
