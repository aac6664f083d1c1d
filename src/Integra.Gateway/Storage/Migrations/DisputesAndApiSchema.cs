namespace Integra.Gateway.Storage.Migrations;

/// <summary>
/// Migrations 16 to 20 of <see cref="Schema"/>: authorization disputes, partner webhooks and the partner API (issues 27–28). Never edited once released (see <see cref="Schema"/>).
/// </summary>
internal static class DisputesAndApiSchema
{
    public static IReadOnlyList<Migration> Steps { get; } =
    [
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

        // A mail reply is recorded as going out, with its MIME bytes, before it is sent (issue 25 item 5): a round that
        // finds the message again sends those same bytes (same Message-ID) or nothing, never a reply made anew.
        new("ALTER TABLE mail_messages ADD COLUMN reply_mime BLOB;"),
    ];
}
