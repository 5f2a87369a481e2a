import Foundation
import LoaCore

/// What an import did (or, in a dry run, would do).
public struct ImportCounts: Sendable, Equatable, Codable {
    public var added = 0
    public var updated = 0
    public var unchanged = 0

    public init(added: Int = 0, updated: Int = 0, unchanged: Int = 0) {
        self.added = added
        self.updated = updated
        self.unchanged = unchanged
    }
}

/// How many residents an audience selects, and how many of them cannot be sent to.
public struct AudienceCount: Sendable, Equatable {
    public var targeted: Int
    public var unreachable: Int

    public init(targeted: Int, unreachable: Int) {
        self.targeted = targeted
        self.unreachable = unreachable
    }
}

/// The result of cancelling a notice.
public struct CancelOutcome: Sendable, Equatable {
    public var notice: Notice
    /// Messages that were still queued and are now cancelled.
    public var cancelledMessages: Int
}

/// One notice for one resident, as stored.
public struct Message: Sendable, Equatable, Identifiable {
    public var id: Int64
    public var notice: String
    public var resident: Int64
    public var state: MessageState
    /// When the scheduler will next act on it; nil when nothing is pending.
    public var nextAt: Date?
    public var lastError: String?
    public var unreachable: Bool
    public var updatedAt: Date
}

/// One thing that happened to a message: a gateway receipt, an open, an acknowledgement, a reply.
public struct MessageEvent: Sendable, Equatable {
    public var message: Int64?
    public var channel: String?
    /// What happened, in Loa's words (`accepted`, `delivered`, `opened`, `reply`, …).
    public var kind: String
    /// The state the event supports, if it moves the ladder.
    public var state: MessageState?
    /// The gateway's own id or status code, kept for audits.
    public var gatewayRef: String?
    /// Events with the same key are the same event (duplicate callbacks).
    public var dedupeKey: String?
    public var occurredAt: Date
    public var detail: String?

    public init(
        message: Int64?, channel: String? = nil, kind: String, state: MessageState? = nil,
        gatewayRef: String? = nil, dedupeKey: String? = nil, occurredAt: Date, detail: String? = nil
    ) {
        self.message = message
        self.channel = channel
        self.kind = kind
        self.state = state
        self.gatewayRef = gatewayRef
        self.dedupeKey = dedupeKey
        self.occurredAt = occurredAt
        self.detail = detail
    }
}

/// A staff member's API token, stored only as a hash (SPEC §1).
public struct TokenRecord: Sendable, Equatable {
    public enum Role: String, Sendable, Codable, CaseIterable { case admin, sender, auditor, volunteer }

    /// The store's id (nil before it is stored): what owns a sender's notices and its sessions.
    public var id: Int64?
    public var hash: String
    public var role: Role
    public var scopes: [AudienceSelector]
    /// Who holds it, unique among tokens (case-insensitive).
    public var label: String?
    public var createdAt: Date
    /// After this the token no longer works; nil: until revoked.
    public var expiresAt: Date?
    public var revokedAt: Date?

    public init(
        id: Int64? = nil, hash: String, role: Role, scopes: [AudienceSelector], label: String? = nil, createdAt: Date,
        expiresAt: Date? = nil, revokedAt: Date? = nil
    ) {
        self.id = id
        self.hash = hash
        self.role = role
        self.scopes = scopes
        self.label = label
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.revokedAt = revokedAt
    }

    /// Whether the token works at `now`: not revoked and not expired.
    public func isLive(at now: Date) -> Bool {
        revokedAt == nil && (expiresAt.map { $0.millis > now.millis } ?? true)
    }
}

/// One line of the audit log: who changed what, and when.
public struct AuditEntry: Sendable, Equatable {
    public var at: Date
    public var actor: String
    public var action: String
    public var subject: String
    public var detail: String?
}

/// The OAuth token pair of one Zalo channel, as last refreshed (gateways.md §2).
///
/// The refresh token is single use, so the new pair is saved before the new access token is used.
public struct ChannelCredentials: Sendable, Equatable {
    public var channel: String
    public var accessToken: String
    public var refreshToken: String
    public var expiresAt: Date
    public var refreshedAt: Date
    /// Why the last refresh failed (re-consent needed); nil when the pair works.
    public var failure: String?

    public init(
        channel: String, accessToken: String, refreshToken: String, expiresAt: Date, refreshedAt: Date,
        failure: String? = nil
    ) {
        self.channel = channel
        self.accessToken = accessToken
        self.refreshToken = refreshToken
        self.expiresAt = expiresAt
        self.refreshedAt = refreshedAt
        self.failure = failure
    }
}
