import GRDB

/// The SQLite schema as an append-only list of migrations; never edit a shipped one, add a new one.
///
/// `messages.next_at` is when the scheduler should next act on a message (NULL: nothing pending);
/// `lease_owner`/`lease_until` mark a claim by one `loa run` worker.
/// Times are INTEGER milliseconds since 1970 (UTC) so that both backends compare them the same way.
enum SQLiteMigrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("0001_residents") { db in
            try db.execute(sql: """
                CREATE TABLE hamlets (
                    id INTEGER PRIMARY KEY,
                    name TEXT NOT NULL,
                    key TEXT NOT NULL UNIQUE
                );
                CREATE TABLE resident_groups (
                    id INTEGER PRIMARY KEY,
                    name TEXT NOT NULL,
                    key TEXT NOT NULL UNIQUE
                );
                CREATE TABLE residents (
                    id INTEGER PRIMARY KEY,
                    name TEXT NOT NULL,
                    phone TEXT UNIQUE,
                    zalo_id TEXT,
                    hamlet_id INTEGER REFERENCES hamlets(id),
                    channels TEXT NOT NULL DEFAULT '',
                    opt_outs TEXT NOT NULL DEFAULT '',
                    created_at INTEGER NOT NULL,
                    updated_at INTEGER NOT NULL
                );
                CREATE INDEX residents_hamlet ON residents(hamlet_id);
                CREATE TABLE group_members (
                    group_id INTEGER NOT NULL REFERENCES resident_groups(id),
                    resident_id INTEGER NOT NULL REFERENCES residents(id) ON DELETE CASCADE,
                    PRIMARY KEY (group_id, resident_id)
                ) WITHOUT ROWID;
                CREATE INDEX group_members_resident ON group_members(resident_id);
                """)
        }
        migrator.registerMigration("0002_notices_messages") { db in
            try db.execute(sql: """
                CREATE TABLE notices (
                    id TEXT PRIMARY KEY,
                    kind TEXT NOT NULL,
                    title TEXT NOT NULL,
                    body TEXT NOT NULL,
                    audience TEXT NOT NULL,
                    channels TEXT NOT NULL,
                    send_at INTEGER NOT NULL,
                    expires_at INTEGER,
                    meeting_at INTEGER,
                    place TEXT,
                    ack_required INTEGER NOT NULL,
                    reminders TEXT NOT NULL DEFAULT '',
                    priority TEXT NOT NULL,
                    status TEXT NOT NULL,
                    message_count INTEGER NOT NULL DEFAULT 0,
                    created_by TEXT NOT NULL,
                    created_at INTEGER NOT NULL
                );
                CREATE TABLE messages (
                    id INTEGER PRIMARY KEY,
                    notice_id TEXT NOT NULL REFERENCES notices(id),
                    resident_id INTEGER NOT NULL REFERENCES residents(id),
                    state TEXT NOT NULL,
                    priority INTEGER NOT NULL DEFAULT 0,
                    next_at INTEGER,
                    expires_at INTEGER,
                    channel_step INTEGER NOT NULL DEFAULT 0,
                    attempt_count INTEGER NOT NULL DEFAULT 0,
                    await_receipt INTEGER NOT NULL DEFAULT 0,
                    lease_owner TEXT,
                    lease_until INTEGER,
                    unreachable INTEGER NOT NULL DEFAULT 0,
                    last_error TEXT,
                    updated_at INTEGER NOT NULL,
                    UNIQUE (notice_id, resident_id)
                );
                CREATE INDEX messages_next ON messages(priority DESC, next_at) WHERE next_at IS NOT NULL;
                CREATE TABLE attempts (
                    id INTEGER PRIMARY KEY,
                    message_id INTEGER NOT NULL REFERENCES messages(id),
                    channel TEXT NOT NULL,
                    idempotency_key TEXT NOT NULL,
                    started_at INTEGER NOT NULL,
                    finished_at INTEGER,
                    outcome TEXT,
                    gateway_ref TEXT,
                    error TEXT,
                    segments INTEGER
                );
                CREATE INDEX attempts_message ON attempts(message_id);
                CREATE INDEX attempts_key ON attempts(idempotency_key);
                CREATE INDEX attempts_ref ON attempts(channel, gateway_ref);
                CREATE TABLE events (
                    id INTEGER PRIMARY KEY,
                    message_id INTEGER REFERENCES messages(id),
                    channel TEXT,
                    kind TEXT NOT NULL,
                    state TEXT,
                    gateway_ref TEXT,
                    dedupe_key TEXT UNIQUE,
                    occurred_at INTEGER NOT NULL,
                    received_at INTEGER NOT NULL,
                    detail TEXT
                );
                CREATE INDEX events_message ON events(message_id);
                """)
        }
        migrator.registerMigration("0003_tokens_audit") { db in
            try db.execute(sql: """
                CREATE TABLE tokens (
                    id INTEGER PRIMARY KEY,
                    hash TEXT NOT NULL UNIQUE,
                    role TEXT NOT NULL,
                    scopes TEXT NOT NULL DEFAULT '',
                    label TEXT,
                    created_at INTEGER NOT NULL,
                    revoked_at INTEGER
                );
                CREATE TABLE audit_log (
                    id INTEGER PRIMARY KEY,
                    at INTEGER NOT NULL,
                    actor TEXT NOT NULL,
                    action TEXT NOT NULL,
                    subject TEXT NOT NULL,
                    detail TEXT
                );
                """)
        }
        migrator.registerMigration("0004_tracking") { db in
            // link_token: the resident page's 128-bit random token (SPEC §5); channel: the channel
            // whose attempt was last accepted, for reports by channel; hamlet_id: the resident's
            // hamlet when the notice was made, so reports by hamlet read one index; opened_at: the
            // first human visit of the link (an SMS "OK" acknowledges without one); segments: SMS
            // segments of the accepted attempts. The report index covers every column a report reads.
            try db.execute(sql: """
                ALTER TABLE messages ADD COLUMN link_token TEXT;
                ALTER TABLE messages ADD COLUMN channel TEXT;
                ALTER TABLE messages ADD COLUMN hamlet_id INTEGER REFERENCES hamlets(id);
                ALTER TABLE messages ADD COLUMN opened_at INTEGER;
                ALTER TABLE messages ADD COLUMN acknowledged_at INTEGER;
                ALTER TABLE messages ADD COLUMN ack_via TEXT;
                ALTER TABLE messages ADD COLUMN segments INTEGER NOT NULL DEFAULT 0;
                UPDATE messages SET link_token = lower(hex(randomblob(16))),
                    hamlet_id = (SELECT hamlet_id FROM residents WHERE residents.id = messages.resident_id);
                CREATE UNIQUE INDEX messages_link_token ON messages(link_token);
                CREATE INDEX messages_report ON messages(notice_id, hamlet_id, state, unreachable, opened_at, segments);
                CREATE INDEX attempts_ref_only ON attempts(gateway_ref);
                CREATE TABLE replies (
                    id INTEGER PRIMARY KEY,
                    channel TEXT NOT NULL,
                    sender TEXT NOT NULL,
                    text TEXT NOT NULL,
                    received_at INTEGER NOT NULL,
                    resident_id INTEGER REFERENCES residents(id),
                    message_id INTEGER REFERENCES messages(id),
                    outcome TEXT NOT NULL,
                    dedupe_key TEXT UNIQUE
                );
                CREATE TABLE channel_credentials (
                    channel TEXT PRIMARY KEY,
                    access_token TEXT NOT NULL,
                    refresh_token TEXT NOT NULL,
                    expires_at INTEGER NOT NULL,
                    refreshed_at INTEGER NOT NULL,
                    failure TEXT
                );
                """)
        }
        migrator.registerMigration("0005_reminders") { db in
            // One row per reminder offset of a notice; messages.reminder_round is the round a
            // message is being sent in (0: the notice itself), copied into attempts.round.
            try db.execute(sql: """
                ALTER TABLE messages ADD COLUMN reminder_round INTEGER NOT NULL DEFAULT 0;
                ALTER TABLE attempts ADD COLUMN round INTEGER NOT NULL DEFAULT 0;
                CREATE INDEX attempts_reminders ON attempts(message_id) WHERE round > 0;
                CREATE TABLE reminders (
                    notice_id TEXT NOT NULL REFERENCES notices(id),
                    round INTEGER NOT NULL,
                    due_at INTEGER NOT NULL,
                    done_at INTEGER,
                    scheduled INTEGER NOT NULL DEFAULT 0,
                    PRIMARY KEY (notice_id, round)
                );
                CREATE INDEX reminders_due ON reminders(due_at) WHERE done_at IS NULL;
                """)
        }
        migrator.registerMigration("0006_report_counts") { db in
            // Reach per notice, hamlet, channel, state and reachability, kept current by a trigger on
            // every move of a message, so a report reads a few rows instead of a million-message scan.
            // Reports count `sending` as `queued`, so the rows do too and a claim fires nothing.
            // `notice create` adds a new notice's rows with one GROUP BY (it is the only INSERT into
            // messages). Rows that fall to 0 stay; a missing hamlet is 0 and a missing channel ''.
            try db.execute(sql: """
                CREATE TABLE report_counts (
                    notice_id TEXT NOT NULL,
                    hamlet_id INTEGER NOT NULL,
                    channel TEXT NOT NULL,
                    state TEXT NOT NULL,
                    unreachable INTEGER NOT NULL,
                    n INTEGER NOT NULL,
                    opened INTEGER NOT NULL,
                    segments INTEGER NOT NULL,
                    PRIMARY KEY (notice_id, hamlet_id, channel, state, unreachable)
                ) WITHOUT ROWID;
                INSERT INTO report_counts
                SELECT notice_id, COALESCE(hamlet_id, 0), COALESCE(channel, ''),
                       CASE state WHEN 'sending' THEN 'queued' ELSE state END, unreachable,
                       COUNT(*), COUNT(opened_at), SUM(segments)
                FROM messages GROUP BY 1, 2, 3, 4, 5;
                CREATE TRIGGER messages_report_counts
                AFTER UPDATE OF state, channel, opened_at, segments, unreachable, hamlet_id ON messages
                WHEN (CASE old.state WHEN 'sending' THEN 'queued' ELSE old.state END)
                        IS NOT (CASE new.state WHEN 'sending' THEN 'queued' ELSE new.state END)
                  OR old.channel IS NOT new.channel OR (old.opened_at IS NULL) <> (new.opened_at IS NULL)
                  OR old.segments <> new.segments OR old.unreachable <> new.unreachable
                  OR old.hamlet_id IS NOT new.hamlet_id
                BEGIN
                    UPDATE report_counts
                    SET n = n - 1, opened = opened - (old.opened_at IS NOT NULL), segments = segments - old.segments
                    WHERE notice_id = old.notice_id AND hamlet_id = COALESCE(old.hamlet_id, 0)
                      AND channel = COALESCE(old.channel, '')
                      AND state = (CASE old.state WHEN 'sending' THEN 'queued' ELSE old.state END)
                      AND unreachable = old.unreachable;
                    INSERT INTO report_counts (notice_id, hamlet_id, channel, state, unreachable, n, opened, segments)
                    VALUES (new.notice_id, COALESCE(new.hamlet_id, 0), COALESCE(new.channel, ''),
                            CASE new.state WHEN 'sending' THEN 'queued' ELSE new.state END,
                            new.unreachable, 1, new.opened_at IS NOT NULL, new.segments)
                    ON CONFLICT DO UPDATE SET n = n + 1, opened = opened + excluded.opened,
                        segments = segments + excluded.segments;
                END;
                """)
        }
        migrator.registerMigration("0007_unread_list") { db in
            // What `loa unread` needs to list 200 000 residents of a million-message notice in well
            // under a second: each resident's folded name (`String.matchKey`) to sort by, so nothing
            // is folded while listing, and an index of exactly the messages not reached, so the list
            // reads those rows alone, in order, instead of every message of the notice.
            try db.execute(sql: """
                ALTER TABLE residents ADD COLUMN sort_key TEXT NOT NULL DEFAULT '';
                CREATE INDEX messages_unread ON messages(notice_id, resident_id) WHERE state NOT IN ('opened', 'acknowledged');
                """)
            let update = try db.makeStatement(sql: "UPDATE residents SET sort_key = ? WHERE id = ?")
            let cursor = try Row.fetchCursor(db, sql: "SELECT id, name FROM residents")
            var keys: [(Int64, String)] = []
            while let row = try cursor.next() { keys.append((row[0], (row[1] as String).matchKey)) }
            for (id, key) in keys { try update.execute(arguments: [key, id]) }
        }
        migrator.registerMigration("0008_attempt_ref_index") { db in
            // Gateway references are looked up alone (`gateway_ref = ?`); attempts start without
            // one and many channels never give one, so only attempts that have one are indexed, and
            // the (channel, gateway_ref) index no query used goes: two index writes fewer per send.
            try db.execute(sql: """
                DROP INDEX attempts_ref;
                DROP INDEX attempts_ref_only;
                CREATE INDEX attempts_ref_only ON attempts(gateway_ref) WHERE gateway_ref IS NOT NULL;
                """)
        }
        migrator.registerMigration("0009_dispatch_indexes") { db in
            // A send changes a message twice (claim, outcome). Each index over a column those two
            // UPDATEs set is rewritten both times, and that was a sixth of the CPU per message.
            // - messages_report (state, segments…) served notice counts and report scans; reports
            //   read report_counts since 0006, and notice counts read it plus messages_sending, which
            //   holds only the messages on the wire or between retries.
            // - messages_unread tested `state`, which every send rewrites. `reached` says the same
            //   (state is opened or acknowledged) and only the messages_reached trigger sets it, so
            //   the index is left alone while a message is sent.
            try db.execute(sql: """
                ALTER TABLE messages ADD COLUMN reached INTEGER NOT NULL DEFAULT 0;
                UPDATE messages SET reached = 1 WHERE state IN ('opened', 'acknowledged');
                CREATE TRIGGER messages_reached AFTER UPDATE OF state ON messages
                WHEN (new.state IN ('opened', 'acknowledged')) <> new.reached
                BEGIN
                    UPDATE messages SET reached = (new.state IN ('opened', 'acknowledged')) WHERE id = new.id;
                END;
                DROP INDEX messages_unread;
                CREATE INDEX messages_unread ON messages(notice_id, resident_id) WHERE reached = 0;
                DROP INDEX messages_report;
                CREATE INDEX messages_sending ON messages(notice_id) WHERE state = 'sending';
                """)
        }
        migrator.registerMigration("0010_sessions") { db in
            // Dashboard sessions live here, by the hash of a random id the cookie carries. A sender
            // owns the notices its token created, by id: labels were free text and not unique, so an
            // older notice gets an owner only where exactly one token ever had its `created_by` name.
            try db.execute(sql: """
                CREATE TABLE sessions (
                    id INTEGER PRIMARY KEY,
                    hash TEXT NOT NULL UNIQUE,
                    token_id INTEGER NOT NULL REFERENCES tokens(id) ON DELETE CASCADE,
                    created_at INTEGER NOT NULL,
                    seen_at INTEGER NOT NULL,
                    expires_at INTEGER NOT NULL
                );
                CREATE INDEX sessions_token ON sessions(token_id);
                ALTER TABLE tokens ADD COLUMN expires_at INTEGER;
                ALTER TABLE notices ADD COLUMN created_by_token INTEGER;
                UPDATE notices SET created_by_token = (
                    SELECT MIN(t.id) FROM tokens t WHERE 'token:' || COALESCE(t.label, substr(t.hash, 1, 8)) = notices.created_by)
                WHERE (SELECT COUNT(*) FROM tokens t
                       WHERE 'token:' || COALESCE(t.label, substr(t.hash, 1, 8)) = notices.created_by) = 1;
                """)
        }
        migrator.registerMigration("0011_channel_quota") { db in
            // What the gateways said about each channel's account, for the other processes: the
            // daily allowance left (ZNS quota) and the template's parameter limits.
            try db.execute(sql: """
                CREATE TABLE channel_quota (
                    channel TEXT PRIMARY KEY,
                    daily INTEGER,
                    remaining INTEGER NOT NULL,
                    resets_at INTEGER NOT NULL,
                    updated_at INTEGER NOT NULL
                );
                CREATE TABLE channel_templates (
                    channel TEXT PRIMARY KEY,
                    template_id TEXT NOT NULL,
                    info TEXT NOT NULL,
                    fetched_at INTEGER NOT NULL
                );
                """)
        }
        migrator.registerMigration("0012_accounts") { db in
            // Staff accounts (issue 19): a person signs in with a phone and a password (bcrypt) or a
            // one-time code; each account acts through its own token row (role, scopes, ownership of
            // notices, sessions), whose hash is of a secret nobody holds, so disabling an account is
            // revoking that token. A removed resident is kept for history and left out of new
            // notices; a reply staff attached to a notice or dismissed says who and when.
            try db.execute(sql: """
                CREATE TABLE accounts (
                    id INTEGER PRIMARY KEY,
                    phone TEXT NOT NULL UNIQUE,
                    name TEXT NOT NULL,
                    password_hash TEXT,
                    token_id INTEGER NOT NULL UNIQUE REFERENCES tokens(id),
                    created_at INTEGER NOT NULL,
                    updated_at INTEGER NOT NULL,
                    disabled_at INTEGER
                );
                CREATE TABLE sign_in_codes (
                    account_id INTEGER PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
                    code_hash TEXT NOT NULL,
                    sent_at INTEGER NOT NULL,
                    expires_at INTEGER NOT NULL,
                    attempts INTEGER NOT NULL DEFAULT 0
                );
                ALTER TABLE residents ADD COLUMN removed_at INTEGER;
                ALTER TABLE replies ADD COLUMN handled_at INTEGER;
                ALTER TABLE replies ADD COLUMN handled_by TEXT;
                ALTER TABLE replies ADD COLUMN handling TEXT;
                """)
        }
        return migrator
    }
}
