import Foundation
import LoaCore

/// Everything Loa keeps: residents, notices, messages and their history, tokens and the audit log.
///
/// One protocol, two backends (SQLite now, PostgreSQL later); `StoreContract` tests run against both.
public protocol Store: ChannelStateStore, AccountStore, ReplyTriage, StaffActionLog, RegistryStore, AuditLogStore {
    /// Writes valid resident rows in one transaction; with `dryRun` the transaction is rolled back.
    /// `progress` hears how many rows are done, now and then.
    func importResidents(
        _ rows: [ResidentInput], columns: ResidentColumns, dryRun: Bool, actor: String,
        progress: @escaping @Sendable (Int) -> Void
    ) async throws -> ImportCounts

    /// Hamlet names as first written, in name order.
    func hamlets() async throws -> [String]

    /// Group names as first written, in name order.
    func groups() async throws -> [String]

    /// Residents in a stable order, filtered by hamlet and/or group (NFC, case-insensitive).
    func residents(hamlet: String?, group: String?) async throws -> [Resident]

    /// The resident with this phone number, if any.
    func resident(phone: PhoneNumber) async throws -> Resident?

    /// Stores a notice and one queued message per targeted resident, atomically.
    func createNotice(_ draft: NoticeDraft) async throws -> Notice

    /// Counts the residents a notice with this audience would target, without storing anything.
    func countAudience(_ audience: [AudienceSelector]) async throws -> AudienceCount

    /// All notices, newest first.
    func notices() async throws -> [Notice]

    /// One notice by id.
    func notice(id: String) async throws -> Notice?

    /// Cancels a notice: every message not yet sent ends `cancelled`.
    func cancelNotice(id: String, actor: String) async throws -> CancelOutcome

    /// How many of a notice's messages stand in each state.
    func messageCounts(notice: String) async throws -> [MessageState: Int]

    /// A notice's messages in resident order.
    func messages(notice: String) async throws -> [Message]

    /// Moves a message to `state` if the ladder allows it (SPEC §2); returns whether it moved.
    @discardableResult
    func advance(message: Int64, to state: MessageState, at time: Date, error: String?) async throws -> Bool

    /// Appends a gateway or resident event to a message's history; a repeated `dedupeKey` is ignored.
    @discardableResult
    func recordEvent(_ event: MessageEvent) async throws -> Bool

    /// A message's history, oldest first.
    func events(message: Int64) async throws -> [MessageEvent]

    /// Stores an API token by its hash (the token itself is never stored) and returns it with its
    /// id; a label another token has (case-insensitive, revoked ones too) is a `conflict`.
    @discardableResult
    func createToken(_ token: TokenRecord, actor: String) async throws -> TokenRecord

    /// The token with this hash, if it exists, is not revoked and has not expired at `now`.
    func token(hash: String, at now: Date) async throws -> TokenRecord?

    /// Every token, revoked and expired ones too, oldest first.
    func tokens() async throws -> [TokenRecord]

    /// Revokes a token and ends its dashboard sessions in one transaction, audited under `actor`;
    /// returns the token as it now stands (an earlier revocation is kept), nil when there is none.
    func revokeToken(id: Int64, actor: String, at now: Date) async throws -> TokenRecord?

    /// Keeps a new dashboard session (and forgets the ones past their absolute end).
    func createSession(_ session: SessionRecord) async throws

    /// The session with this hash and its token, if the session is within its absolute end and was
    /// seen less than `idle` ago and the token still works at `now`; it is then seen at `now`. A
    /// session found ended is deleted.
    func session(hash: String, at now: Date, idle: TimeInterval) async throws -> SessionLookup?

    /// Ends a session (sign-out); false when there was none.
    @discardableResult
    func deleteSession(hash: String) async throws -> Bool

    /// Records finished attempts, then (if asked) claims due messages, in one transaction.
    func dispatchRound(
        recording outcomes: [DispatchOutcome], worker: String, claiming request: ClaimRequest?
    ) async throws -> [DispatchJob]

    /// Puts the reminders that are due on the queue: each goes to the residents a gateway took the
    /// notice for and who have not acknowledged, never after expiry; returns how many messages.
    func scheduleReminders(now: Date) async throws -> Int

    /// Ends messages whose notice expired before they were taken by a gateway; returns how many.
    func expireDue(now: Date) async throws -> Int

    /// What remains for the scheduler.
    func dispatchBacklog(now: Date) async throws -> DispatchBacklog

    /// What begun work waits for (receipts, retries, live claims), for `--until-idle`'s waiting line.
    func dispatchWaits(now: Date) async throws -> DispatchWaits

    /// How a notice's attempts ended, per channel: `[channel: [outcome: count]]` (unfinished ones
    /// count as `in flight`).
    func attemptSummary(notice: String) async throws -> [String: [String: Int]]

    /// A message's attempts, oldest first.
    func attempts(message: Int64) async throws -> [AttemptRecord]

    /// The newest audit entries first.
    func auditLog(limit: Int) async throws -> [AuditEntry]

    /// The stored OAuth pair of a channel, if one was ever saved.
    func channelCredentials(channel: String) async throws -> ChannelCredentials?

    /// Saves (replaces) a channel's OAuth pair, durably, before the caller uses it.
    func saveChannelCredentials(_ credentials: ChannelCredentials) async throws

    /// Applies gateway callbacks of `channel` in one transaction: each is kept once (by dedupe key)
    /// and moves its message up the ladder only; a failed receipt on a message waiting for one
    /// falls back to the next channel at once.
    func applyTracking(_ events: [TrackingEvent], channel: String, receivedAt: Date) async throws -> [TrackingResult]

    /// Applies several callbacks in one transaction, all or nothing: one result list per batch, in order.
    func applyTracking(_ batches: [TrackingBatch]) async throws -> [[TrackingResult]]

    /// A message's resident link token (`/m/{token}`), for printed sheets and tests.
    func linkToken(message: Int64) async throws -> String?

    /// The message behind a resident link token.
    func linkTarget(token: String) async throws -> LinkTarget?

    /// Keeps in the history that the link's page was served (`visit`, with the User-Agent as
    /// detail); changes no state. At most ``visitsKept`` visits are kept per message.
    @discardableResult
    func recordVisit(token: String, at: Date, detail: String?) async throws -> Bool

    /// Records a person opening the link (the first visit moves the message to `opened`).
    @discardableResult
    func recordOpen(token: String, at: Date, detail: String?) async throws -> Bool

    /// The resident confirmed on their page; idempotent.
    func acknowledge(token: String, at: Date) async throws -> AckResult?

    /// Staff record an acknowledgement gathered off-line (`via` is `in-person` or `phone-call`);
    /// audited under `actor`. Nil when the resident was not targeted by the notice.
    func acknowledge(notice: String, phone: PhoneNumber, via: String, actor: String, at: Date) async throws -> AckResult?

    /// Keeps an inbound reply and, when it reads as an acknowledgement, acknowledges the sender's
    /// matching (else latest) open convocation. A repeated `dedupeKey` changes nothing.
    func recordReply(
        channel: String, sender: String, text: String, reading: ReplyKeyword.Reading, dedupeKey: String, at: Date
    ) async throws -> ReplyRecord

    /// The newest replies first.
    func replies(limit: Int) async throws -> [ReplyRecord]

    /// The notice's reach, optionally broken down, computed by the database.
    func report(notice: String, by grouping: ReachReport.Grouping?, reachTarget: Double) async throws -> ReachReport

    /// Messages per state and channel (the channel that took them, or empty), for `/metrics`.
    func messageTotals() async throws -> [(state: String, channel: String, count: Int)]

    /// How the notice's messages moved from its send time until `until`, in `buckets` equal steps.
    func timeline(notice: String, buckets: Int, until: Date) async throws -> Timeline?

    /// Targeted residents not reached (or not acknowledged), in hamlet and name order.
    func unread(notice: String, filter: UnreadFilter) async throws -> [UnreadEntry]
}

extension Store {
    /// The most `visit` events kept per message: a fetcher or scanner that loops fills no disk.
    public static var visitsKept: Int { 20 }

    /// Imports without progress reports.
    public func importResidents(
        _ rows: [ResidentInput], columns: ResidentColumns, dryRun: Bool = false, actor: String
    ) async throws -> ImportCounts {
        try await importResidents(rows, columns: columns, dryRun: dryRun, actor: actor, progress: { _ in })
    }
}

extension Store {
    /// Claims due messages without recording anything.
    public func claimDue(_ request: ClaimRequest) async throws -> [DispatchJob] {
        try await dispatchRound(recording: [], worker: request.worker, claiming: request)
    }

    /// Records finished attempts without claiming.
    public func record(_ outcomes: [DispatchOutcome], worker: String) async throws {
        _ = try await dispatchRound(recording: outcomes, worker: worker, claiming: nil)
    }
}
