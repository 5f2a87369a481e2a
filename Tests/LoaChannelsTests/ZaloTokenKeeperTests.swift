import Foundation
import LoaChannels
import LoaCore
import LoaHTTP
import LoaTesting
import Synchronization
import Testing

/// `ZaloTokenKeeper` against a real loopback server speaking gateways.md §2 (single-use refresh
/// tokens, flat JSON with `expires_in` as a string, `-14014` for a dead refresh token).
@Suite("Zalo token keeper")
struct ZaloTokenKeeperTests {
    let client = HTTPClient()

    @Test("A refresh posts the form with the app secret in a header and uses each refresh token once")
    func singleUseRefreshTokens() async throws {
        let fake = try ZaloTokenFake(refreshDelay: .zero)
        let vault = RecordingVault(fake: fake)
        let keeper = ZaloTokenKeeper(config: try fake.channel())
        await keeper.connect(vault: vault, transport: client)
        try await keeper.refresh()
        try await keeper.refresh()
        #expect(keeper.accessToken == "AT-2")
        let forms = fake.state.withLock { $0.refreshForms }
        #expect(forms.map { $0["refresh_token"] } == ["RT-0", "RT-1"])
        #expect(forms.allSatisfy { $0["app_id"] == "3021948576" && $0["grant_type"] == "refresh_token" })
        #expect(forms.allSatisfy { $0["secret_key"] == nil && $0["app_secret"] == nil })
        #expect(fake.state.withLock { $0.secretHeaders } == ["app-SECRET-5b8f", "app-SECRET-5b8f"])
        let saved = await vault.pairs[ZaloTokenFake.key]
        #expect(saved?.refreshToken == "RT-2" && saved?.accessToken == "AT-2")
        // expires_in "90000" s = 25 h; the next refresh is due at 80 % of that (20 h).
        let pair = try #require(saved)
        #expect(abs(pair.expiresAt.timeIntervalSince(pair.refreshedAt) - 90_000) < 1)
        let due = try #require(keeper.refreshDue)
        #expect(abs(due.timeIntervalSince(pair.refreshedAt) - 72_000) < 1)
        #expect(keeper.health == .ok(expiresAt: pair.expiresAt))
    }

    @Test("Ten concurrent callers share one refresh")
    func serialisedRefresh() async throws {
        let fake = try ZaloTokenFake(refreshDelay: .milliseconds(300))
        let keeper = ZaloTokenKeeper(config: try fake.channel())
        await keeper.connect(vault: RecordingVault(fake: fake), transport: client)
        let failures = await withTaskGroup(of: Bool.self) { group in
            for index in 0..<10 {
                group.addTask {
                    do {
                        if index.isMultiple(of: 2) { try await keeper.refresh() } else { try await keeper.renewAfterRejection() }
                        return false
                    } catch {
                        return true
                    }
                }
            }
            return await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        #expect(failures == 0)
        #expect(fake.state.withLock { $0.refreshForms.count } == 1)
        #expect(keeper.accessToken == "AT-1")
        // Right after a refresh, another rejection is blamed on a request made before it.
        try await keeper.renewAfterRejection()
        #expect(fake.state.withLock { $0.refreshForms.count } == 1)
    }

    @Test("The new pair is saved before the new access token is used, and a -216 send is retried once")
    func persistedBeforeUse() async throws {
        let fake = try ZaloTokenFake(refreshDelay: .zero)
        // The configured token is already dead: Zalo answers -216 to it.
        fake.state.withLock { $0.liveAccessToken = "AT-dead-elsewhere" }
        let vault = RecordingVault(fake: fake)
        let config = try fake.channel()
        let keeper = ZaloTokenKeeper(config: config)
        await vault.watch(keeper)
        await keeper.connect(vault: vault, transport: client)
        let adapter = try ZaloOAAdapter(config: config, tokens: keeper)
        let result = try await adapter.sendRenewingCredentials(Self.message, over: client)
        #expect(result.gatewayRef == "m-1")
        #expect(fake.events == ["send:AT-0", "refresh:RT-0", "saved:AT-1", "send:AT-1"])
        let saves = await vault.saves
        #expect(saves.count == 1 && saves.first?.tokenInUse == "AT-0")
    }

    @Test("A refused refresh token (-14014) is recorded as a failure, not retried, and never logged")
    func refusedRefresh() async throws {
        let fake = try ZaloTokenFake(refreshDelay: .zero)
        fake.state.withLock { $0.refuseWith = -14014 }
        let vault = RecordingVault(fake: fake)
        let lines = Mutex<[String]>([])
        let keeper = ZaloTokenKeeper(config: try fake.channel())
        await keeper.connect(vault: vault, transport: client, log: { line in lines.withLock { $0.append(line) } })
        let error = await #expect(throws: SendError.self) { try await keeper.refresh() }
        #expect(error?.kind == .fallback && error?.gatewayCode == "-14014")
        guard case .failed(let reason) = keeper.health else {
            Issue.record("health is \(keeper.health)")
            return
        }
        #expect(reason.contains("-14014") && reason.contains("authorised again"))
        #expect(await vault.pairs[ZaloTokenFake.key]?.failure == reason)
        // The dead token is not sent again; the stored failure answers at once.
        await #expect(throws: SendError.self) { try await keeper.refresh() }
        #expect(fake.state.withLock { $0.refreshForms.count } == 1)
        let logged = lines.withLock { $0 }
        #expect(!logged.isEmpty)
        for secret in ["RT-0", "AT-0", "app-SECRET-5b8f", "oa-secret-KEY-91c3"] {
            #expect(!logged.contains { $0.contains(secret) }, "log leaks \(secret)")
        }
    }

    @Test("Two workers refreshing one OA at once end with the same new pair, and no failure is recorded")
    func workersShareARefresh() async throws {
        let fake = try ZaloTokenFake(refreshDelay: .milliseconds(300))
        let vault = RecordingVault(fake: fake)
        let first = ZaloTokenKeeper(config: try fake.channel())
        let second = ZaloTokenKeeper(config: try fake.channel())
        await first.connect(vault: vault, transport: client)
        await second.connect(vault: vault, transport: client)
        async let one: Void = first.refresh()
        async let two: Void = second.refresh()
        _ = try await (one, two)
        #expect(first.accessToken == "AT-1" && second.accessToken == "AT-1")
        #expect(first.health.isOK && second.health.isOK)
        #expect(fake.state.withLock { $0.issued } == 1, "one refresh token was spent, once")
        #expect(await vault.pairs[ZaloTokenFake.key]?.failure == nil)
        #expect(await vault.pairs[ZaloTokenFake.key]?.refreshToken == "RT-1")
    }

    @Test("A pair that could not be saved is kept and saved on the next try, without a second refresh")
    func saveFailure() async throws {
        let fake = try ZaloTokenFake(refreshDelay: .zero)
        let vault = RecordingVault(fake: fake)
        await vault.failSaves(1)
        let keeper = ZaloTokenKeeper(config: try fake.channel())
        await keeper.connect(vault: vault, transport: client)
        await #expect(throws: SendError.self) { try await keeper.refresh() }
        // Not saved, so not used: the old token stays in use, and the health says why.
        #expect(keeper.accessToken == "AT-0")
        #expect(!keeper.health.isOK)
        try await keeper.refresh()
        #expect(keeper.accessToken == "AT-1")
        #expect(fake.state.withLock { $0.refreshForms.count } == 1)
        #expect(await vault.pairs[ZaloTokenFake.key]?.refreshToken == "RT-1")
    }

    @Test("The saved pair wins over the configuration's, whose refresh token was used up")
    func storedPairWins() async throws {
        let fake = try ZaloTokenFake(refreshDelay: .zero)
        fake.state.withLock { $0.liveRefreshTokens = ["RT-7"] }
        let refreshed = Date().addingTimeInterval(-3600)
        let stored = ZaloCredentials(
            key: ZaloTokenFake.key, accessToken: "AT-7", refreshToken: "RT-7",
            expiresAt: refreshed.addingTimeInterval(90_000), refreshedAt: refreshed)
        let keeper = ZaloTokenKeeper(config: try fake.channel())
        #expect(keeper.refreshDue == nil)  // a configured token is used until refused
        await keeper.connect(vault: RecordingVault(fake: fake, stored: [stored]), transport: client)
        #expect(keeper.accessToken == "AT-7")
        try await keeper.refreshIfDue()  // 1 h old: not due
        #expect(fake.state.withLock { $0.refreshForms.isEmpty })
        try await keeper.refresh()
        #expect(fake.state.withLock { $0.refreshForms.first?["refresh_token"] } == "RT-7")
    }

    static let message = OutboundMessage(
        messageID: 1, idempotencyKey: "N1M1C0", noticeID: "N1", shortCode: "K7QX", kind: .notice,
        title: "Thông báo", body: "Nội dung", recipient: .init(name: "An", phone: nil, zaloID: "8493021847562910384"))
}

/// One keeper per Zalo app and OA, whatever number of channels send with it (gateways.md §13).
@Suite("Zalo token keeper per app")
struct ZaloSharedKeeperTests {
    let client = HTTPClient()

    @Test("Two channels of one app share one keeper and refresh once")
    func twoChannelsRefreshOnce() async throws {
        let fake = try ZaloTokenFake(refreshDelay: .milliseconds(200))
        fake.state.withLock { $0.liveAccessToken = "AT-dead" }
        let configs = [try fake.channel(name: "zalo-oa"), try fake.channel(name: "zalo-oa-2")]
        let adapters = try ChannelRegistry.adapters(for: configs)
        let holders = adapters.compactMap { $0 as? any ZaloTokenHolder }
        #expect(holders.count == 2 && holders[0].tokens === holders[1].tokens)
        #expect(holders[0].tokens.channels == ["zalo-oa", "zalo-oa-2"] && holders[0].tokens.key == ZaloTokenFake.key)
        let vault = RecordingVault(fake: fake)
        await holders[0].tokens.connect(vault: vault, transport: client)
        // Both channels' sends are refused (-216) at once; one refresh serves both.
        async let one = adapters[0].sendRenewingCredentials(ZaloTokenKeeperTests.message, over: client)
        async let two = adapters[1].sendRenewingCredentials(ZaloTokenKeeperTests.message, over: client)
        let results = [try await one, try await two]
        #expect(results.allSatisfy { $0.gatewayRef == "m-1" })
        #expect(fake.state.withLock { $0.refreshForms.count } == 1, "one refresh token spent once")
        #expect(await vault.pairs[ZaloTokenFake.key]?.refreshToken == "RT-1")
    }

    @Test("A configured access token is used until refused, not refreshed at start")
    func configuredTokenIsNotRefreshedAtOnce() async throws {
        let fake = try ZaloTokenFake(refreshDelay: .zero)
        let keeper = ZaloTokenKeeper(config: try fake.channel())
        await keeper.connect(vault: RecordingVault(fake: fake), transport: client)
        #expect(keeper.refreshDue == nil)
        try await keeper.refreshIfDue()
        #expect(fake.state.withLock { $0.refreshForms.isEmpty })
        // Only a refresh token: an access token is minted at once.
        let bare = ZaloTokenKeeper(config: try fake.channel(accessToken: nil))
        #expect(bare.refreshDue == .distantPast)
    }

    @Test("A pair saved under a channel's name is carried over to its app's key")
    func legacyPairCarriedOver() async throws {
        let fake = try ZaloTokenFake(refreshDelay: .zero)
        fake.state.withLock { $0.liveRefreshTokens = ["RT-9"] }
        let refreshed = Date().addingTimeInterval(-600)
        let legacy = ZaloCredentials(
            key: "zalo", accessToken: "AT-9", refreshToken: "RT-9", expiresAt: refreshed.addingTimeInterval(90_000),
            refreshedAt: refreshed)
        let vault = RecordingVault(fake: fake, stored: [legacy])
        let keeper = ZaloTokenKeepers(channels: [try fake.channel(name: "zalo")]).keepers[0]
        await keeper.connect(vault: vault, transport: client)
        #expect(keeper.accessToken == "AT-9")
        #expect(await vault.pairs[ZaloTokenFake.key]?.refreshToken == "RT-9")
    }
}
