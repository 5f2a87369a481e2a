import Foundation

/// One Official Account's OAuth pair as kept between runs (gateways.md §2).
///
/// The refresh token is single use: each refresh returns a new pair and kills the old refresh
/// token, so the pair is saved before the new access token is used (§11.6).
public struct ZaloCredentials: Sendable, Equatable, CustomStringConvertible {
    /// The vault's key: the Zalo app and OA the pair belongs to (``ZaloAppKey/storageKey``), or a
    /// channel name for pairs saved before tokens were kept per app.
    public var key: String
    public var accessToken: String
    public var refreshToken: String
    public var expiresAt: Date
    public var refreshedAt: Date
    /// Why the last refresh failed (re-consent needed); nil when the pair works.
    public var failure: String?

    public init(
        key: String, accessToken: String, refreshToken: String, expiresAt: Date, refreshedAt: Date,
        failure: String? = nil
    ) {
        self.key = key
        self.accessToken = accessToken
        self.refreshToken = refreshToken
        self.expiresAt = expiresAt
        self.refreshedAt = refreshedAt
        self.failure = failure
    }

    /// Never prints the tokens.
    public var description: String {
        "ZaloCredentials(key: \(key), expiresAt: \(expiresAt.ISO8601Format()), "
            + "refreshedAt: \(refreshedAt.ISO8601Format()), failure: \(failure ?? "none"))"
    }
}

/// Where token pairs survive restarts; the store, through a small adapter in the executable.
///
/// `save` must be durable when it returns: the keeper uses the new access token only afterwards.
public protocol ZaloCredentialVault: Sendable {
    /// The pair last saved under `key`, if any.
    func credentials(key: String) async throws -> ZaloCredentials?
    /// Saves (replaces) the pair of `credentials.key`.
    func save(_ credentials: ZaloCredentials) async throws
}

/// A vault that forgets everything when the process ends: tests, demos, and channels whose
/// tokens are not renewable anyway.
public actor MemoryCredentialVault: ZaloCredentialVault {
    private var pairs: [String: ZaloCredentials] = [:]
    /// Every pair saved, in order.
    public private(set) var saved: [ZaloCredentials] = []

    public init(_ initial: [ZaloCredentials] = []) {
        for pair in initial { pairs[pair.key] = pair }
    }

    public func credentials(key: String) async throws -> ZaloCredentials? { pairs[key] }

    public func save(_ credentials: ZaloCredentials) async throws {
        pairs[credentials.key] = credentials
        saved.append(credentials)
    }
}

/// The state of a channel's OAuth token, for `/healthz` and `loa channels`.
public enum ZaloTokenHealth: Sendable, Equatable, CustomStringConvertible {
    /// A token is in hand; `expiresAt` is nil when it came from the configuration (age unknown).
    case ok(expiresAt: Date?)
    /// Refreshing failed; `reason` says why and whether a human must re-consent.
    case failed(reason: String)
    /// Neither an access token nor a successful refresh yet.
    case missing

    /// Whether the channel can send.
    public var isOK: Bool {
        if case .ok = self { true } else { false }
    }

    public var description: String {
        switch self {
        case .ok(let expiresAt?): "ok (expires \(expiresAt.ISO8601Format()))"
        case .ok(nil): "ok (configured token, expiry unknown)"
        case .failed(let reason): "failed: \(reason)"
        case .missing: "no access token yet"
        }
    }
}

/// An adapter that sends with a Zalo OA token, so `loa run` can connect and maintain its keeper.
public protocol ZaloTokenHolder: ChannelAdapter {
    /// The keeper of the OA token this adapter sends with.
    var tokens: ZaloTokenKeeper { get }
}

extension ZaloTokenHolder {
    /// The configured secrets and every token the keeper has held.
    public var secrets: [String] {
        (config.secrets.values.map(\.value) + tokens.secrets).filter { !$0.isEmpty }
    }

    /// Refreshes the OA token after Zalo refused it (ZNS `-124`, OA `-216`/`-220`; gateways.md §1.5,
    /// §3.1, §11.6).
    public func renewCredentials() async throws(SendError) {
        try await tokens.renewAfterRejection()
    }
}

extension ZaloZNSAdapter: ZaloTokenHolder {}
extension ZaloOAAdapter: ZaloTokenHolder {}
