namespace Integra.Gateway.Storage.Migrations;

/// <summary>
/// Migrations 10 to 15 of <see cref="Schema"/>: the partner portal, its channel and tracking, LSR numbers in blocks on PostgreSQL, response names (issues 16–26). Never edited once released (see <see cref="Schema"/>).
/// </summary>
internal static class PortalSchema
{
    public static IReadOnlyList<Migration> Steps { get; } =
    [
        // The partner portal (issue 16, SPEC §7): accounts, one-time links and sign-in sessions (by hash), the
        // data-protection key ring shared by every instance, the audit trail, Trading Partner Profiles and the
        // partners they created.
        new("""
        CREATE TABLE portal_users (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            email TEXT NOT NULL,
            email_key TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            role TEXT NOT NULL,
            partner TEXT,
            privileges TEXT NOT NULL,
            password_hash TEXT,
            disabled INTEGER NOT NULL DEFAULT 0,
            failed_sign_ins INTEGER NOT NULL DEFAULT 0,
            locked_until TEXT,
            created_at TEXT NOT NULL
        );
        CREATE INDEX portal_users_partner ON portal_users (partner);
        CREATE TABLE portal_tokens (
            token_hash TEXT PRIMARY KEY,
            user_id INTEGER NOT NULL REFERENCES portal_users (id),
            purpose TEXT NOT NULL,
            expires_at TEXT NOT NULL,
            used_at TEXT
        );
        CREATE TABLE portal_sessions (
            key_hash TEXT PRIMARY KEY,
            user_id INTEGER NOT NULL,
            ticket BLOB NOT NULL,
            expires_at TEXT
        );
        CREATE INDEX portal_sessions_user ON portal_sessions (user_id);
        CREATE TABLE portal_keys (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            name TEXT NOT NULL,
            xml TEXT NOT NULL
        );
        CREATE TABLE portal_audit (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            at TEXT NOT NULL,
            actor TEXT NOT NULL,
            partner TEXT,
            action TEXT NOT NULL,
            target TEXT NOT NULL,
            detail TEXT NOT NULL,
            address TEXT NOT NULL
        );
        CREATE TABLE portal_profiles (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            source TEXT NOT NULL,
            form TEXT NOT NULL,
            received_at TEXT NOT NULL,
            due_at TEXT NOT NULL,
            state TEXT NOT NULL,
            decided_at TEXT,
            decided_by TEXT,
            reason TEXT
        );
        CREATE TABLE portal_partners (
            id TEXT PRIMARY KEY,
            ccna TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            type TEXT NOT NULL,
            emails TEXT NOT NULL,
            profile_id INTEGER,
            created_at TEXT NOT NULL
        );
        """),

        // PostgreSQL takes LSR numbers in blocks from a sequence (OrderStore.Blocks), which, unlike the sequences row,
        // is never rolled back; it continues where the row stopped. SQLite keeps the row.
        new(
            string.Empty,
            PostgresOnly: """
            CREATE SEQUENCE lsrno_seq;
            SELECT setval('lsrno_seq', COALESCE((SELECT value FROM sequences WHERE name = 'lsrno'), 0) + 1, false);
            """),

        // Issue 17: the portal as a channel. A submission is kept under its form id, unique per partner (a form posted
        // twice is one request), with the request file it became and its received time; it is claimed, decided and
        // answered in one unit of work. The inbox is the portal's outbound folder: every answer delivered to a partner
        // on the portal, the submission's own (submission_id) or a later one from the outbox (outbox_id); delivering
        // the same one again replaces it.
        new("""
        CREATE TABLE portal_submissions (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            partner TEXT NOT NULL,
            form_id TEXT NOT NULL,
            file_name TEXT NOT NULL,
            content BLOB NOT NULL,
            sha256 TEXT NOT NULL,
            loa_name TEXT,
            loa_content BLOB,
            submitted_by TEXT NOT NULL,
            received_at TEXT NOT NULL,
            answered_at TEXT,
            UNIQUE (partner, form_id)
        );
        CREATE INDEX portal_submissions_file ON portal_submissions (partner, file_name);
        CREATE TABLE portal_inbox (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            partner TEXT NOT NULL,
            file_name TEXT NOT NULL,
            content BLOB NOT NULL,
            cells TEXT NOT NULL,
            delivered_at TEXT NOT NULL,
            submission_id INTEGER UNIQUE,
            outbox_id INTEGER UNIQUE
        );
        CREATE INDEX portal_inbox_partner ON portal_inbox (partner, id);
        """),

        // Portal tracking (issue 17, SPEC §7): the partner's orders listed newest first by a keyset cursor over
        // (created_at, id), per partner, per partner and state, and across partners for the desk; the desk's look-up
        // by PON across partners; the outbox files of an order. Each response file of a request file is kept as the
        // rows the channel delivered, with the CCNA+PON of every order it answers, so an order's page offers the very
        // file the partner got (byte for byte: the same rows through the same writer).
        new("""
        CREATE INDEX orders_partner_listed ON orders (partner, created_at, id);
        CREATE INDEX orders_partner_state_listed ON orders (partner, state, created_at, id);
        CREATE INDEX orders_listed ON orders (created_at, id);
        CREATE INDEX orders_state_listed ON orders (state, created_at, id);
        CREATE INDEX orders_pon ON orders (pon);
        CREATE INDEX outbox_order ON outbox (order_id);
        CREATE TABLE response_files (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            partner TEXT NOT NULL,
            channel TEXT NOT NULL,
            request_name TEXT NOT NULL,
            received_at TEXT NOT NULL,
            name TEXT NOT NULL,
            cells TEXT NOT NULL,
            created_at TEXT NOT NULL,
            UNIQUE (partner, channel, request_name, received_at)
        );
        CREATE TABLE response_file_orders (
            file_id INTEGER NOT NULL REFERENCES response_files (id),
            partner TEXT NOT NULL,
            kind TEXT NOT NULL,
            ccna TEXT NOT NULL,
            pon TEXT NOT NULL,
            PRIMARY KEY (partner, kind, ccna, pon, file_id)
        );
        """),

        // Issue 24, SPEC §5: no answer replaces another. Every name a response got in a partner's outbound place
        // (place: the channel's text for the drops, "out:<folder>" for the CLI's --out) is kept, with what it answers
        // (source: F<intake file id> or O<first outbox id>), so a later answer of the same name is numbered
        // (suffix 2, 3, …; 1 is the bare name) and a crash-retry of the same answer takes the name it was given. Names
        // delivered before this step are taken over from the ledger and the delivered outbox.
        new("""
        CREATE TABLE response_names (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            partner TEXT NOT NULL,
            place TEXT NOT NULL,
            base TEXT NOT NULL,
            suffix INTEGER NOT NULL,
            name TEXT NOT NULL,
            source TEXT,
            assigned_at TEXT NOT NULL,
            UNIQUE (partner, place, name),
            UNIQUE (partner, place, source)
        );
        CREATE INDEX response_names_base ON response_names (partner, place, base, suffix);
        INSERT INTO response_names (partner, place, base, suffix, name, source, assigned_at)
        SELECT partner, channel, response_name, 1, response_name, NULL, MIN(updated_at) FROM intake_files
        WHERE response_name IS NOT NULL GROUP BY partner, channel, response_name;
        INSERT INTO response_names (partner, place, base, suffix, name, source, assigned_at)
        SELECT o.partner, o.channel, o.file_name, 1, o.file_name, NULL, MIN(o.created_at) FROM outbox o
        WHERE o.channel IS NOT NULL AND o.delivered_at IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM response_names r WHERE r.partner = o.partner AND r.place = o.channel AND r.name = o.file_name)
        GROUP BY o.partner, o.channel, o.file_name;
        """),

        // Portal, issue 26 (SPEC §7 version 3): a Trading Partner Profile posted twice from one rendered form is one
        // queue entry (form_id, unique; NULL for forms from the access-request folder); a staff admin can turn a
        // partner's portal access off and on again, for partners.csv ones too, so the switch is keyed by partner id
        // and not a column of portal_partners.
        new("""
        ALTER TABLE portal_profiles ADD COLUMN form_id TEXT;
        CREATE UNIQUE INDEX portal_profiles_form ON portal_profiles (form_id);
        CREATE TABLE portal_partner_access (
            partner TEXT PRIMARY KEY,
            disabled INTEGER NOT NULL,
            reason TEXT NOT NULL,
            changed_by TEXT NOT NULL,
            changed_at TEXT NOT NULL
        );
        """),
    ];
}
