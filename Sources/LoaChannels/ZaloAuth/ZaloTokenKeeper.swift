import Foundation
import LoaConfig
import LoaHTTP
import Synchronization

/// Keeps one Official Account's OAuth access token usable (gateways.md §2, §11.6), for every
/// channel of that app and OA (one keeper per ``ZaloAppKey`` in a process: ``ZaloTokenKeepers``).
///
/// Refreshes are serialised (callers that arrive during a refresh await the same one), because the
/// refresh token is single use; the new pair goes to the vault before the new access token is
/// published; a refresh is due at 80 % of the token's life (20 h of 25 h). Adapters read the
/// current token synchronously through ``accessToken``, so their `makeRequest` stays pure.
public actor ZaloTokenKeeper {
    /// The channels that send with this pair, in configuration order.
    public nonisolated let channels: [String]
    /// The vault key of the pair: the app and OA's ``ZaloAppKey/storageKey``, or the channel's name
    /// when it names no `app_id`.
    public nonisolated let key: String
    /// Names the keeper in logs and errors: its channels.
    nonisolated var channel: String { channels.joined(separator: ", ") }
    nonisolated let published: Mutex<Published>
    let appID: String
    let appSecret: String?
    let tokenURL: String
    var transport: (any HTTPTransport)?
    var vault: (any ZaloCredentialVault)?
    var log: @Sendable (String) -> Void
    let now: @Sendable () -> Date
    /// A pair Zalo issued that is not saved yet: its refresh token is the only live one.
    var pending: ZaloCredentials?
    private var running: Task<Result<Void, SendError>, Never>?
    var lastSuccess: Date?
    /// The refresh token Zalo refused; it is not sent again.
    var refusedToken: String?
    var refusal: SendError?
    /// The configuration's refresh token, tried again when it differs from a refused stored one.
    let configuredRefreshToken: String?

    /// Share of a token's life after which it is renewed (§11.6: ~20 h of 25 h).
    static let renewalShare = 0.8
    /// A `-124`/`-216` within this long after a refresh is blamed on a request made before it.
    static let recentRefresh: TimeInterval = 60

    struct Published: Sendable {
        var accessToken: String?
        var refreshToken: String?
        var expiresAt: Date?
        var refreshedAt: Date?
        var health: ZaloTokenHealth
        var seen: Set<String> = []
    }

    /// A keeper for one channel; see ``init(configs:vault:transport:now:log:)``.
    public init(
        config: ChannelConfig, vault: (any ZaloCredentialVault)? = nil, transport: (any HTTPTransport)? = nil,
        now: @escaping @Sendable () -> Date = { Date() }, log: @escaping @Sendable (String) -> Void = { _ in }
    ) {
        self.init(configs: [config], vault: vault, transport: transport, now: now, log: log)
    }

    /// A keeper for channels of one app and OA, seeded from the first `access_token`/`refresh_token`
    /// they configure; `connect` adds the vault and transport that refreshing needs. `log` never
    /// receives a secret.
    public init(
        configs: [ChannelConfig], vault: (any ZaloCredentialVault)? = nil, transport: (any HTTPTransport)? = nil,
        now: @escaping @Sendable () -> Date = { Date() }, log: @escaping @Sendable (String) -> Void = { _ in }
    ) {
        func first(_ name: String) -> String? { configs.lazy.compactMap { $0.secrets[name]?.value.nonEmpty }.first }
        channels = configs.map(\.name)
        let app = configs.first.map(ZaloAppKey.init(config:)) ?? ZaloAppKey(appID: "", oaID: "")
        key = app.appID.isEmpty ? (configs.first?.name ?? "") : app.storageKey
        appID = app.appID
        appSecret = first("app_secret")
        let base = configs.lazy.compactMap { $0.settings["oauth_base_url"] }.first ?? "https://oauth.zaloapp.com"
        tokenURL = (base.hasSuffix("/") ? String(base.dropLast()) : base) + "/v4/oa/access_token"
        let access = first("access_token")
        let refresh = first("refresh_token")
        configuredRefreshToken = refresh
        published = Mutex(Published(
            accessToken: access, refreshToken: refresh, health: access == nil ? .missing : .ok(expiresAt: nil),
            seen: Set([access, refresh].compactMap { $0 })))
        self.vault = vault
        self.transport = transport
        self.now = now
        self.log = log
    }

    // MARK: Synchronous reads

    /// The access token to send with now, if any.
    public nonisolated var accessToken: String? { published.withLock { $0.accessToken } }

    /// Every token this keeper has held, for redaction.
    public nonisolated var secrets: [String] { published.withLock { Array($0.seen) } }

    /// The token's state; an `ok` token past its expiry reads as failed.
    public nonisolated var health: ZaloTokenHealth {
        let (health, expiry) = published.withLock { ($0.health, $0.expiresAt) }
        if case .ok = health, let expiry, expiry <= now() {
            return .failed(reason: "access token expired at \(expiry.ISO8601Format())")
        }
        return health
    }

    /// When the next refresh is due: at once when there is a refresh token but no access token; nil
    /// when there is no refresh token, or for a configured access token whose age is unknown (it is
    /// used until Zalo refuses it, then renewed: issue 17 §2).
    public nonisolated var refreshDue: Date? {
        published.withLock { state in
            guard state.refreshToken != nil else { return nil }
            guard let expiry = state.expiresAt else { return state.accessToken == nil ? Date.distantPast : nil }
            guard let issued = state.refreshedAt else { return expiry.addingTimeInterval(-5 * 3600) }
            return issued.addingTimeInterval(expiry.timeIntervalSince(issued) * Self.renewalShare)
        }
    }

    // MARK: Setting up

    /// Adds what refreshing needs and adopts the pair last saved, which is newer than the
    /// configuration's whenever one exists (each refresh kills the previous refresh token).
    public func connect(
        vault: any ZaloCredentialVault, transport: any HTTPTransport, log: (@Sendable (String) -> Void)? = nil
    ) async {
        self.vault = vault
        self.transport = transport
        if let log { self.log = log }
        await loadStored()
    }

    /// Adopts the vault's pair for this app and OA, if it has one. A pair saved under one of the
    /// channels' names (before pairs were kept per app) is carried over to the app's key, the
    /// newest of them winning. A refused stored pair gives way to a different configured refresh token.
    public func loadStored() async {
        guard let vault else { return }
        do {
            var found = try await vault.credentials(key: key)
            if found == nil, key != channels.first {
                var legacy: [ZaloCredentials] = []
                for name in channels { if let pair = try await vault.credentials(key: name) { legacy.append(pair) } }
                if var newest = legacy.filter({ $0.failure == nil }).max(by: { $0.refreshedAt < $1.refreshedAt }) ?? legacy.first {
                    newest.key = key
                    try await vault.save(newest)
                    log("zalo channels \(channel): the saved token pair now belongs to \(key)")
                    found = newest
                }
            }
            guard let stored = found else { return }
            if stored.failure != nil, let configured = configuredRefreshToken, configured != stored.refreshToken { return }
            adopt(stored)
        } catch {
            log("zalo channel \(channel): could not read the saved token pair: \(redacted("\(error)"))")
        }
    }

    func adopt(_ stored: ZaloCredentials) {
        published.withLock { state in
            state.accessToken = stored.accessToken.nonEmpty
            state.refreshToken = stored.refreshToken.nonEmpty
            state.expiresAt = stored.expiresAt
            state.refreshedAt = stored.refreshedAt
            state.health = stored.failure.map { .failed(reason: $0) } ?? .ok(expiresAt: stored.expiresAt)
            state.seen.formUnion([stored.accessToken, stored.refreshToken].filter { !$0.isEmpty })
        }
        if let failure = stored.failure {
            refusedToken = stored.refreshToken
            refusal = SendError(.fallback, failure)
        } else {
            refusedToken = nil
            refusal = nil
        }
    }

    // MARK: Refreshing

    /// Refreshes now, or joins the refresh already running.
    public func refresh() async throws(SendError) {
        if let running { return try await running.value.get() }
        let task = Task { await self.performRefresh() }
        running = task
        let result = await task.value
        running = nil
        try result.get()
    }

    /// After Zalo refused the access token (`-124`, `-216`, `-220`): refreshes unless a refresh is
    /// running (joined) or has just finished (the refused request used the token before it).
    public func renewAfterRejection() async throws(SendError) {
        if let running { return try await running.value.get() }
        if let lastSuccess, now().timeIntervalSince(lastSuccess) < Self.recentRefresh { return }
        try await refresh()
    }

    /// Refreshes if ``refreshDue`` has come.
    public func refreshIfDue() async throws(SendError) {
        guard let due = refreshDue, due <= now() else { return }
        try await refresh()
    }

    /// Refreshes whenever due until the task is cancelled; run it beside the dispatcher.
    public func maintain() async {
        while !Task.isCancelled {
            var wait: TimeInterval = 3600
            if let due = refreshDue {
                let delay = due.timeIntervalSince(now())
                if delay > 0 {
                    wait = min(delay, 3600)
                } else {
                    do {
                        try await refresh()
                        continue
                    } catch {
                        // A refused token waits for a human (re-checked hourly); trouble reaching Zalo
                        // is tried again in five minutes.
                        wait = error.kind == .retryable ? 300 : 3600
                    }
                }
            }
            try? await Task.sleep(for: .seconds(wait))
        }
    }
}

extension String {
    /// Nil for the empty string.
    var nonEmpty: String? { isEmpty ? nil : self }
}
