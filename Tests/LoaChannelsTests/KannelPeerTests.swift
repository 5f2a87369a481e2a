import Foundation
import LoaChannels
import LoaCore
import LoaHTTP
import LoaTesting
import Testing

/// Kannel as a real peer (issue 4): real sends through the adapter and the libcurl transport to
/// the bearerbox + smsbox + fakesmsc that `scripts/test` starts (`scripts/lib/kannel.sh`), and
/// Kannel's own DLR GETs parsed by the adapter. Skipped without Kannel, except under `CI=true`.
@Suite(
    "Kannel as a real peer", .serialized,
    .enabled(if: KannelPeer.isAvailable, "LOA_KANNEL_SENDSMS is unset: scripts/test starts Kannel"))
struct KannelPeerTests {
    let peer: KannelPeer

    init() throws {
        peer = try #require(KannelPeer.fromEnvironment())
    }

    /// The states a run of reports means, in arrival order, with each report's type.
    private func states(_ reports: [HookRequest], adapter: KannelAdapter) throws -> [(type: String, state: MessageState)] {
        try reports.flatMap { report in
            try adapter.events(in: report).map { event in
                guard case .state(let state) = event.change else { throw KannelUpstreamStub.Failure(description: "not a state") }
                return (report.query.first { $0.name == "type" }?.value ?? "?", state)
            }
        }
    }

    @Test("Plain GSM text: 202 0:, then DLR 8 and DLR 1 → accepted and delivered")
    func delivered() async throws {
        let receiver = try TestHTTPServer { _ in .text(200, "ok") }
        defer { receiver.shutdown() }
        let client = HTTPClient()
        defer { client.shutdown() }
        let adapter = try peer.adapter(hookBase: receiver.baseURL)
        let message = try KannelPeer.message(to: "0912345678", title: "Hop thon", body: "19:30 ngay 03/12 tai nha van hoa.")
        let result = try await adapter.send(message, over: client)
        #expect(result.state == .accepted && result.segments == 1)
        let observed = try states(try await KannelPeer.waitForReports(2, for: message.idempotencyKey, on: receiver), adapter: adapter)
        print("KannelPeerTests: delivered: DLR sequence \(observed.map { "\($0.type)→\($0.state)" })")
        #expect(Set(observed.map(\.type)) == ["8", "1"])
        #expect(Set(observed.map(\.state)) == [.accepted, .delivered])
    }

    @Test("Vietnamese text goes as coding=2 in two parts and reaches the fake SMSC intact")
    func vietnamese() async throws {
        let receiver = try TestHTTPServer { _ in .text(200, "ok") }
        defer { receiver.shutdown() }
        let client = HTTPClient()
        defer { client.shutdown() }
        let adapter = try peer.adapter(hookBase: receiver.baseURL)
        // 74 UCS-2 characters: two parts, which the sendsms-user's max-messages must allow (§8).
        let message = try KannelPeer.message(
            to: "0987654321", title: "Họp thôn", body: "Mời bà con dự họp lúc 19:30, nhà văn hóa thôn Đông. Nghiêm túc.")
        let result = try await adapter.send(message, over: client)
        #expect(result.state == .accepted && result.segments == 2)
        let observed = try states(try await KannelPeer.waitForReports(2, for: message.idempotencyKey, on: receiver), adapter: adapter)
        #expect(Set(observed.map(\.state)) == [.accepted, .delivered])
        let sent = try adapter.body(for: message).text
        #expect(try await peer.waitForFakeSMSCText(sent), "fakesmsc saw \(peer.fakeSMSCTexts().suffix(3))")
    }

    @Test("A prefix no SMSC takes: 403 Not routable (permanent) and DLR 16 → failed")
    func unroutable() async throws {
        let receiver = try TestHTTPServer { _ in .text(200, "ok") }
        defer { receiver.shutdown() }
        let client = HTTPClient()
        defer { client.shutdown() }
        let adapter = try peer.adapter(hookBase: receiver.baseURL)
        let message = try KannelPeer.message(to: "0871234567", title: "Hop thon", body: "19:30 ngay 03/12.")
        do {
            _ = try await adapter.send(message, over: client)
            Issue.record("Kannel accepted a number no SMSC takes")
        } catch {
            #expect(error.kind == .permanent && error.gatewayCode == "403")
            #expect(error.message.contains("Not routable"))
        }
        let reports = try await KannelPeer.waitForReports(1, for: message.idempotencyKey, on: receiver)
        let observed = try states(reports, adapter: adapter)
        print("KannelPeerTests: unroutable: DLR sequence \(observed.map { "\($0.type)→\($0.state)" })")
        #expect(observed.map(\.type) == ["16"] && observed.map(\.state) == [.failed])
        let detail = try adapter.events(in: try #require(reports.first)).first?.detail ?? ""
        #expect(detail.contains("NACK/no SMSC"))
    }

    @Test("HTTP SMSC upstream: text arrives intact; its DLR 2 becomes failed")
    func upstreamUndelivered() async throws {
        let receiver = try TestHTTPServer { _ in .text(200, "ok") }
        defer { receiver.shutdown() }
        let stub = try KannelUpstreamStub(port: peer.upstreamStubPort) { target in
            target.hasPrefix("/submit") ? (200, "OK up-1") : (200, "")
        }
        defer { stub.shutdown() }
        let client = HTTPClient()
        defer { client.shutdown() }
        let adapter = try peer.adapter(hookBase: receiver.baseURL)
        let message = try KannelPeer.message(to: "0591234567", title: "Thông báo", body: "Cắt điện thôn Đông từ 8 giờ đến 11 giờ.")
        #expect(try await adapter.send(message, over: client).state == .accepted)
        let submit = try await waitFor { stub.targets.first { $0.hasPrefix("/submit") } }
        let rawText = try #require(submit.split(separator: "&").first { $0.hasPrefix("text=") }?.dropFirst(5))
        #expect(try KannelPeer.utf16BE(percentEncoded: String(rawText)) == adapter.body(for: message).text)
        #expect(submit.contains("to=84591234567") && submit.contains("coding=2"))
        // The upstream reports "undelivered" for its id; 400 until Kannel has stored the DLR entry.
        let dlr = "\(peer.upstreamSMSC)/dlr?dlr-mid=up-1&dlr-mask=2&to=84591234567"
        _ = try await waitFor { () async -> Bool? in
            let response = try? await client.send(HTTPRequest(method: .get, url: dlr))
            return response?.status == 200 ? true : nil
        }
        let observed = try states(try await KannelPeer.waitForReports(2, for: message.idempotencyKey, on: receiver), adapter: adapter)
        print("KannelPeerTests: upstream: DLR sequence \(observed.map { "\($0.type)→\($0.state)" })")
        #expect(Set(observed.map(\.type)) == ["8", "2"])
        #expect(observed.first { $0.type == "2" }?.state == .failed)
    }

    @Test("A resident's reply through Kannel's sms-service becomes a reply event")
    func inbound() async throws {
        let stub = try KannelUpstreamStub(port: peer.upstreamStubPort) { _ in (200, "") }
        defer { stub.shutdown() }
        let client = HTTPClient()
        defer { client.shutdown() }
        let adapter = try peer.adapter(hookBase: "http://127.0.0.1:1")
        let text = "Xác nhận K7QX"
        let mo = "\(peer.upstreamSMSC)/mo?from=84912345678&to=8088&text=" + FormEncoding.escape(text)
        #expect(try await client.send(HTTPRequest(method: .get, url: mo)).status == 200)
        let target = try await waitFor { stub.targets.first { $0.contains("/inbound?") } }
        let query = String(target[target.index(after: try #require(target.firstIndex(of: "?")))...])
        let request = HookRequest(
            event: .inbound, method: "GET", url: "http://127.0.0.1:\(peer.upstreamStubPort)" + target,
            query: FormEncoding.decode(query), receivedAt: Date())
        let events = try adapter.events(in: request)
        #expect(events.map(\.change) == [.reply(from: "+84912345678", text: text)])
    }

    /// Polls `probe` until it gives a value (10 s at most).
    private func waitFor<T>(_ probe: () async throws -> T?) async throws -> T {
        for _ in 0..<100 {
            if let value = try await probe() { return value }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw KannelUpstreamStub.Failure(description: "timed out waiting")
    }
}

/// Under `CI=true` the peer test must run: a missing Kannel is a failure there, not a skip.
@Suite("Kannel peer availability")
struct KannelPeerAvailabilityTests {
    @Test("CI runs the Kannel peer tests")
    func requiredOnCI() {
        let environment = ProcessInfo.processInfo.environment
        if environment["CI"] == "true", !KannelPeer.isAvailable {
            Issue.record("CI=true but \(KannelPeer.sendsmsKey) is unset: run scripts/test, which starts Kannel")
        }
    }
}
