/// Reading the audit log page by page, filtered by who made a change and which kind of change.
public protocol AuditLogStore: Sendable {
    /// Entries matching `query`, newest first, after skipping `query.offset` of them.
    func auditLog(_ query: AuditQuery) async throws -> [AuditEntry]

    /// Every actor and every action the log holds, each sorted, for a filter's choices.
    func auditNames() async throws -> AuditNames
}

/// Which audit entries to read: an exact actor and/or action (nil: any), and which page.
public struct AuditQuery: Sendable, Equatable {
    public var actor: String?
    public var action: String?
    public var offset: Int
    public var limit: Int

    public init(actor: String? = nil, action: String? = nil, offset: Int = 0, limit: Int = 50) {
        self.actor = actor
        self.action = action
        self.offset = max(offset, 0)
        self.limit = max(limit, 1)
    }
}

/// The distinct actors and actions of the audit log, sorted.
public struct AuditNames: Sendable, Equatable {
    public var actors: [String]
    public var actions: [String]

    public init(actors: [String], actions: [String]) {
        self.actors = actors
        self.actions = actions
    }
}
