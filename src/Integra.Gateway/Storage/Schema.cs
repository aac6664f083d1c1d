using Integra.Gateway.Storage.Orders;

namespace Integra.Gateway.Storage;

/// <summary>
/// The order store's tables. Each migration runs once, in order, recorded in schema_info; later issues append
/// migrations and never edit earlier ones. The TN order of a decision is kept in order_tns.seq (SQLite's rowid
/// has no PostgreSQL counterpart). Quartz creates its own tables (qrtz_*) where it runs clustered.
/// <para>
/// Expand, then contract (so that instances of two versions can share one PostgreSQL database during a rolling
/// upgrade, and a running older instance keeps working while a newer one migrates): a release's migrations only
/// expand — new tables, new columns that are nullable or have a default, new indexes, data copied into them — and the
/// release reads the old shape as well as the new. Dropping or renaming a column or table, a NOT NULL without a
/// default, or changing what a column means (contract) comes in a later release, once no instance of the release
/// before the expansion runs anywhere. Every INSERT names its columns and no query reads <c>SELECT *</c>, so an
/// added column never breaks an older binary's SQL. An older binary refuses to start on a newer schema
/// (<see cref="Migrations.SchemaTooNewException"/>): a rollback restores the backup taken before the upgrade
/// (README, "Upgrade and rollback"); <c>UpgradeTests</c> shows a running older instance on an expanded schema.
/// </para>
/// </summary>
internal static class Schema
{
    public static IReadOnlyList<Migration> Migrations { get; } =
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

        // Authorization disputes, issue 27 (SPEC §7 version 3): the desk's evidence requests on an order, the
        // partner's answers, and their documents with the SHA-256 taken when received (checked on every read). A
        // request keeps the partner, kind and PON of its order so the partner's pages read it without a join; due_at
        // is the end of due_date in the desk's zone; overdue_at is when the overdue event was written (once).
        new("""
        CREATE TABLE evidence_requests (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            order_id INTEGER NOT NULL REFERENCES orders (id),
            partner TEXT NOT NULL,
            kind TEXT NOT NULL,
            pon TEXT NOT NULL,
            reason TEXT NOT NULL,
            tns TEXT NOT NULL,
            due_date TEXT NOT NULL,
            due_at TEXT NOT NULL,
            state TEXT NOT NULL,
            opened_by TEXT NOT NULL,
            opened_at TEXT NOT NULL,
            decided_by TEXT,
            decided_at TEXT,
            decision TEXT NOT NULL DEFAULT '',
            overdue_at TEXT
        );
        CREATE INDEX evidence_requests_order ON evidence_requests (order_id);
        CREATE INDEX evidence_requests_partner ON evidence_requests (partner, id);
        CREATE INDEX evidence_requests_state ON evidence_requests (state);
        CREATE TABLE evidence_answers (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            request_id INTEGER NOT NULL REFERENCES evidence_requests (id),
            partner TEXT NOT NULL,
            answered_by TEXT NOT NULL,
            answered_at TEXT NOT NULL,
            text TEXT NOT NULL
        );
        CREATE INDEX evidence_answers_request ON evidence_answers (request_id);
        CREATE TABLE evidence_files (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            answer_id INTEGER NOT NULL REFERENCES evidence_answers (id),
            partner TEXT NOT NULL,
            name TEXT NOT NULL,
            content_type TEXT NOT NULL,
            size INTEGER NOT NULL,
            sha256 TEXT NOT NULL,
            content BLOB NOT NULL
        );
        CREATE INDEX evidence_files_answer ON evidence_files (answer_id);
        """),

        // Evidence documents kept in a folder (issue 27 item 5, Disputes:EvidenceFolder): each document's row says where
        // its bytes are, 'database' (in content) or 'folder' (content addressed by sha256, content left empty), so a
        // store that moves to a folder keeps reading the documents it kept before.
        new("""
        ALTER TABLE evidence_files ADD COLUMN stored_in TEXT NOT NULL DEFAULT 'database';
        """),

        // Partner webhooks, issue 28 (SPEC §8). Endpoints a partner registered (the secret kept as given: every delivery
        // signs with it); one event per answer or later order event, its JSON body fixed when it is recorded so every
        // attempt sends the same bytes; one delivery per event and endpoint, the outbox of the webhook channel; every
        // attempt for the partner's page. A cursor per tailed table (WebhookFeedStore): the feed starts where the store
        // stands now, and history before webhooks is not replayed. PostgreSQL ids are not commit order (a transaction
        // that took id 5 may commit after one that took 6), so there each tailed table records its writer's
        // transaction id (xid8) and the feed reads only rows of transactions older than every running one, in
        // (transaction, id) order; SQLite has one writer at a time, so its ids are commit order.
        new("""
        CREATE TABLE webhook_endpoints (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            partner TEXT NOT NULL,
            url TEXT NOT NULL,
            secret TEXT NOT NULL,
            enabled INTEGER NOT NULL DEFAULT 1,
            created_by TEXT NOT NULL,
            created_at TEXT NOT NULL,
            deleted_at TEXT
        );
        CREATE INDEX webhook_endpoints_partner ON webhook_endpoints (partner);
        CREATE TABLE webhook_events (
            id TEXT PRIMARY KEY,
            partner TEXT NOT NULL,
            type TEXT NOT NULL,
            pon TEXT NOT NULL,
            occurred_at TEXT NOT NULL,
            body TEXT NOT NULL,
            recorded_at TEXT NOT NULL
        );
        CREATE TABLE webhook_deliveries (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            event_id TEXT NOT NULL REFERENCES webhook_events (id),
            endpoint_id INTEGER NOT NULL REFERENCES webhook_endpoints (id),
            partner TEXT NOT NULL,
            state TEXT NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            retry_from TEXT NOT NULL,
            next_at TEXT NOT NULL,
            delivered_at TEXT,
            UNIQUE (event_id, endpoint_id)
        );
        CREATE INDEX webhook_deliveries_due ON webhook_deliveries (state, next_at);
        CREATE INDEX webhook_deliveries_partner ON webhook_deliveries (partner, id);
        CREATE TABLE webhook_attempts (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            delivery_id INTEGER NOT NULL REFERENCES webhook_deliveries (id),
            at TEXT NOT NULL,
            status_code INTEGER,
            outcome TEXT NOT NULL,
            duration_ms INTEGER NOT NULL
        );
        CREATE INDEX webhook_attempts_delivery ON webhook_attempts (delivery_id);
        CREATE TABLE webhook_cursors (
            source TEXT PRIMARY KEY,
            last_id INTEGER NOT NULL,
            last_tx INTEGER NOT NULL DEFAULT 0
        );
        INSERT INTO webhook_cursors (source, last_id) SELECT 'response_files', COALESCE(MAX(id), 0) FROM response_files;
        INSERT INTO webhook_cursors (source, last_id) SELECT 'outbox', COALESCE(MAX(id), 0) FROM outbox;
        INSERT INTO webhook_cursors (source, last_id) SELECT 'order_events', COALESCE(MAX(id), 0) FROM order_events;
        INSERT INTO webhook_cursors (source, last_id) SELECT 'evidence_requests', COALESCE(MAX(id), 0) FROM evidence_requests;
        """,
            PostgresOnly: """
            ALTER TABLE response_files ADD COLUMN tx xid8 NOT NULL DEFAULT pg_current_xact_id();
            ALTER TABLE outbox ADD COLUMN tx xid8 NOT NULL DEFAULT pg_current_xact_id();
            ALTER TABLE order_events ADD COLUMN tx xid8 NOT NULL DEFAULT pg_current_xact_id();
            ALTER TABLE evidence_requests ADD COLUMN tx xid8 NOT NULL DEFAULT pg_current_xact_id();
            UPDATE webhook_cursors SET last_tx = CAST(CAST(pg_current_xact_id() AS text) AS bigint);
            """),

        // The partner API, issue 28 (SPEC §8): a partner's keys, found by their public id, with only the SHA-256 of the
        // secret; and the first answer of every post made with an Idempotency-Key, per partner and key, with the hash
        // of the request that got it (the same key with another request is refused).
        new("""
        CREATE TABLE api_keys (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            partner TEXT NOT NULL,
            name TEXT NOT NULL,
            key_id TEXT NOT NULL UNIQUE,
            secret_hash TEXT NOT NULL,
            privileges TEXT NOT NULL,
            created_by TEXT NOT NULL,
            created_at TEXT NOT NULL,
            expires_at TEXT,
            revoked_by TEXT,
            revoked_at TEXT
        );
        CREATE INDEX api_keys_partner ON api_keys (partner, id);
        CREATE TABLE api_idempotency (
            partner TEXT NOT NULL,
            idempotency_key TEXT NOT NULL,
            request_hash TEXT NOT NULL,
            status INTEGER NOT NULL,
            body TEXT NOT NULL,
            created_at TEXT NOT NULL,
            PRIMARY KEY (partner, idempotency_key)
        );
        """),
    ];
}
