namespace Integra.Gateway.Storage.Migrations;

/// <summary>
/// Migrations 1 to 9 of <see cref="Schema"/>: the order store: orders, versions, TNs, events, the intake ledger, the outbox, mail, contract v2 and the channels (issues 1–14). Never edited once released (see <see cref="Schema"/>).
/// </summary>
internal static class OrderStoreSchema
{
    public static IReadOnlyList<Migration> Steps { get; } =
    [
        new("""
        CREATE TABLE orders (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            partner TEXT NOT NULL,
            kind TEXT NOT NULL,
            ccna TEXT NOT NULL,
            pon TEXT NOT NULL,
            lsrno TEXT,
            state TEXT NOT NULL,
            an TEXT NOT NULL,
            service_state TEXT NOT NULL,
            zone TEXT NOT NULL,
            nnsp TEXT NOT NULL,
            foc_date TEXT,
            foc_ver TEXT,
            pending_ver TEXT,
            requested_date TEXT,
            standard_date TEXT,
            due_date_sups INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            UNIQUE (partner, kind, ccna, pon)
        );
        CREATE INDEX orders_state ON orders (state, foc_date);
        CREATE TABLE versions (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            order_id INTEGER NOT NULL REFERENCES orders (id),
            ver TEXT NOT NULL,
            sup TEXT NOT NULL,
            content_hash TEXT NOT NULL,
            channel TEXT NOT NULL,
            file_name TEXT NOT NULL,
            received_at TEXT NOT NULL,
            decided_at TEXT NOT NULL,
            outcome TEXT NOT NULL,
            rule_id TEXT NOT NULL,
            codes TEXT NOT NULL,
            response TEXT NOT NULL,
            UNIQUE (order_id, ver)
        );
        CREATE TABLE order_tns (
            order_id INTEGER NOT NULL REFERENCES orders (id),
            tn TEXT NOT NULL,
            lna TEXT NOT NULL,
            status TEXT NOT NULL,
            PRIMARY KEY (order_id, tn)
        );
        CREATE TABLE order_events (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            order_id INTEGER NOT NULL REFERENCES orders (id),
            at TEXT NOT NULL,
            state TEXT NOT NULL,
            cause TEXT NOT NULL,
            detail TEXT NOT NULL
        );
        CREATE TABLE sequences (
            name TEXT PRIMARY KEY,
            value INTEGER NOT NULL
        );
        CREATE TABLE intake_files (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            partner TEXT NOT NULL,
            channel TEXT NOT NULL,
            path TEXT NOT NULL,
            size INTEGER NOT NULL,
            sha256 TEXT NOT NULL,
            first_seen TEXT NOT NULL,
            state TEXT NOT NULL,
            response_name TEXT,
            file_rejected INTEGER NOT NULL DEFAULT 0,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX intake_files_key ON intake_files (partner, channel, path, size, sha256);
        CREATE TABLE intake_sightings (
            partner TEXT NOT NULL,
            channel TEXT NOT NULL,
            path TEXT NOT NULL,
            first_seen TEXT NOT NULL,
            PRIMARY KEY (partner, channel, path)
        );
        """),

        new("""
        CREATE TABLE sweeps (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            as_of TEXT NOT NULL,
            run_at TEXT NOT NULL,
            expired INTEGER NOT NULL DEFAULT 0,
            cancels INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE outbox (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            kind TEXT NOT NULL,
            partner TEXT NOT NULL,
            file_name TEXT NOT NULL,
            cells TEXT NOT NULL,
            created_at TEXT NOT NULL,
            delivered_at TEXT
        );
        CREATE INDEX outbox_pending ON outbox (kind, partner, delivered_at);
        CREATE TABLE activations (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            tn TEXT NOT NULL,
            spid TEXT NOT NULL,
            activated_at TEXT NOT NULL,
            imported_at TEXT NOT NULL,
            order_id INTEGER,
            outcome TEXT NOT NULL
        );
        CREATE INDEX order_tns_tn ON order_tns (tn);
        """),

        new("""
        CREATE TABLE mail_messages (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            message_key TEXT NOT NULL UNIQUE,
            sender TEXT NOT NULL,
            partner TEXT,
            received_at TEXT NOT NULL,
            state TEXT NOT NULL,
            reply_id TEXT,
            updated_at TEXT NOT NULL
        );
        """),

        new("""
        CREATE TABLE channel_polls (
            partner TEXT NOT NULL,
            channel TEXT NOT NULL,
            last_ok TEXT,
            last_error TEXT,
            last_error_at TEXT,
            PRIMARY KEY (partner, channel)
        );
        CREATE INDEX versions_received ON versions (received_at);
        """),

        new("""
        ALTER TABLE versions ADD COLUMN evidence TEXT NOT NULL DEFAULT '{}';
        CREATE TABLE documents (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            version_id INTEGER NOT NULL REFERENCES versions (id),
            name TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            content BLOB NOT NULL
        );
        CREATE INDEX documents_version ON documents (version_id);
        """),

        new(
            "ALTER TABLE order_tns ADD COLUMN seq INTEGER NOT NULL DEFAULT 0;",
            SqliteOnly: "UPDATE order_tns SET seq = rowid;"),

        // Contract v2: a supplement asks for a new date when its DDD differs from the last accepted version's
        // (S4, S5), and an expedite review counts from its own time with the cutoff of the order's kind.
        new("""
        ALTER TABLE orders ADD COLUMN accepted_ddd TEXT;
        ALTER TABLE orders ADD COLUMN simple INTEGER;
        """),

        // The ledger looks up the open upload of a file (IntakeLedger.Open). Over the whole table, every earlier
        // archived upload of the same file matches the index and is skipped one by one, so a partner resending one
        // file k times made its k-th upload cost k; over the open uploads only, it costs one probe.
        new("""
        CREATE INDEX intake_files_open ON intake_files (partner, channel, path, size, sha256) WHERE state <> 'Archived';
        DROP INDEX intake_files_key;
        """),

        // Issue 14: every answer goes back on the channel its order's request came on. An order keeps the route of
        // its latest filed version (the mail thread for email); each outbox file keeps the order and route it was
        // recorded for, so each channel's worker takes only its own. Channels are stored in one spelling
        // (StoredText), lower case, as the ledger always had them.
        new("""
        CREATE TABLE order_origins (
            order_id INTEGER NOT NULL PRIMARY KEY REFERENCES orders (id),
            channel TEXT NOT NULL,
            mail_to TEXT,
            mail_message_id TEXT,
            mail_references TEXT,
            mail_subject TEXT
        );
        ALTER TABLE outbox ADD COLUMN order_id INTEGER;
        ALTER TABLE outbox ADD COLUMN channel TEXT;
        ALTER TABLE outbox ADD COLUMN mail_to TEXT;
        ALTER TABLE outbox ADD COLUMN mail_message_id TEXT;
        ALTER TABLE outbox ADD COLUMN mail_references TEXT;
        ALTER TABLE outbox ADD COLUMN mail_subject TEXT;
        CREATE INDEX outbox_channel ON outbox (kind, channel, delivered_at);
        UPDATE versions SET channel = LOWER(channel);
        CREATE TABLE reference_snapshots (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            loaded_at TEXT NOT NULL,
            files TEXT NOT NULL,
            error TEXT,
            error_at TEXT
        );
        """),
    ];
}
