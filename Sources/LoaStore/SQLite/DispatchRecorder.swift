import Foundation
import GRDB
import LoaCore

/// Writes the finished attempts of a dispatch round, in its transaction. A message's schedule
/// changes only while this worker still holds its lease, and never revives a cancelled or expired
/// message or one whose notice was cancelled while the request was on the wire; the ladder move is
/// monotonic.
///
/// Per attempt: one UPDATE of the attempt and, while the lease holds, one UPDATE of the message
/// that makes the ladder move and the schedule change together (SET expressions all read the row
/// as it was). The statements are looked up once per round and bound through the C API.
struct DispatchRecorder {
    let db: Database
    let worker: String
    private var attemptWithReference: RawStatement?
    private var attempt: RawStatement?
    private var moves: [MessageState?: RawStatement] = [:]

    init(db: Database, worker: String) {
        self.db = db
        self.worker = worker
    }

    mutating func record(_ outcome: DispatchOutcome) throws {
        let finished = outcome.finishedAt.millis
        // Attempt rows start with no gateway reference: leaving the column out when there is none
        // spares the index on it.
        if let gatewayRef = outcome.gatewayRef {
            var statement = try attemptWithReference ?? RawStatement(db, sql: """
                UPDATE attempts SET finished_at = ?, outcome = ?, gateway_ref = ?, error = ?, segments = ?
                WHERE id = ?
                """)
            statement.bind(finished)
            statement.bind(outcome.attemptOutcome)
            statement.bind(gatewayRef)
            try finishAttempt(outcome, &statement)
            attemptWithReference = statement
        } else {
            var statement = try attempt ?? RawStatement(db, sql: """
                UPDATE attempts SET finished_at = ?, outcome = ?, error = ?, segments = ? WHERE id = ?
                """)
            statement.bind(finished)
            statement.bind(outcome.attemptOutcome)
            try finishAttempt(outcome, &statement)
            attempt = statement
        }
        if outcome.state == .sending {
            // Not a move the planner makes; kept exact by moving first, as a separate statement.
            _ = try SQLiteStore.advance(db, message: outcome.messageID, to: .sending, at: outcome.finishedAt, error: nil)
        }
        let target = outcome.state == .sending ? nil : outcome.state
        let move = RecordMove.for(target)
        var statement = try moves[target] ?? RawStatement(db, sql: move.sql)
        statement.bind(outcome.nextAt?.millis)
        if let target {
            for source in move.sources { statement.bind(source) }
            statement.bind(target.rawValue)
        }
        let accepted = outcome.attemptOutcome == MessageState.accepted.rawValue
        statement.bind(outcome.channelStep)
        statement.bind(outcome.attemptCount)
        statement.bind(outcome.awaitReceipt)
        statement.bind(outcome.error)
        statement.bind(finished)
        statement.bind(accepted ? outcome.attemptID : nil)
        statement.bind(accepted ? outcome.segments ?? 0 : 0)
        statement.bind(outcome.messageID)
        statement.bind(worker)
        try statement.run()
        moves[target] = statement
        guard db.changesCount == 0, let target else { return }
        // The lease was lost (taken over after it expired): the schedule is the new holder's, but
        // what the gateway said still moves the ladder.
        if target == .failed {
            try db.execute(
                sql: "UPDATE messages SET state = 'failed' WHERE id = ? AND state IN ('queued', 'sending')",
                arguments: [outcome.messageID])
        } else {
            _ = try SQLiteStore.advance(db, message: outcome.messageID, to: target, at: outcome.finishedAt, error: nil)
        }
    }

    /// Binds the columns both attempt UPDATEs end with, and runs it.
    private func finishAttempt(_ outcome: DispatchOutcome, _ statement: inout RawStatement) throws {
        statement.bind(outcome.error)
        statement.bind(outcome.segments)
        statement.bind(outcome.attemptID)
        try statement.run()
    }
}

/// The message UPDATE of ``DispatchRecorder`` for one ladder target: the states it moves from and its SQL text,
/// built once per target.
private struct RecordMove {
    let sources: [String]
    let sql: String

    private static let all: [String: RecordMove] = {
        var moves = ["": RecordMove(target: nil)]
        for state in MessageState.allCases { moves[state.rawValue] = RecordMove(target: state) }
        return moves
    }()

    static func `for`(_ target: MessageState?) -> RecordMove {
        all[target?.rawValue ?? ""]!
    }

    private init(target: MessageState?) {
        sources = target.map { ClaimPlan.recordSources(for: $0).map(\.rawValue) } ?? []
        let ladder = target == nil
            ? ""
            : "WHEN \(SQLiteStore.oneOf("state", count: sources.count)) THEN ?"
        // No move leads into or out of `cancelled`/`expired`, and none leads to `sending`, so the
        // tests on `state` read the same whether they see the state before the move or after it.
        // A move comes before the cancelled-notice rule: a message a gateway took stays taken.
        sql = """
            UPDATE messages
            SET next_at = CASE
                    WHEN state IN ('cancelled', 'expired')
                      OR (SELECT status FROM notices WHERE id = messages.notice_id) = 'cancelled' THEN NULL
                    ELSE ? END,
                state = CASE \(ladder)
                    WHEN state = 'sending' AND (SELECT status FROM notices WHERE id = messages.notice_id) = 'cancelled'
                    THEN 'cancelled' ELSE state END,
                channel_step = ?, attempt_count = ?, await_receipt = ?, last_error = ?,
                lease_owner = NULL, lease_until = NULL, updated_at = ?,
                channel = COALESCE((SELECT channel FROM attempts WHERE id = ?), channel),
                segments = segments + ?
            WHERE id = ? AND lease_owner = ?
            """
    }
}
