namespace TriageBot.Storage.Sqlite;

/// <summary>
/// SQLite tables for escalations and the outbox, applied as a numbered migration. An escalation is a projection of the
/// incident log (made by <see cref="Escalations.EscalationProjector"/>, which keeps its place in projection_cursor); the outbox
/// holds every proactive message until the connector has taken it.
/// </summary>
internal static class SqliteEscalationTables
{
    public const string CreateSql = """
        CREATE TABLE projection_cursor (
            name          TEXT    PRIMARY KEY,
            last_sequence INTEGER NOT NULL
        );
        CREATE TABLE escalations (
            id              TEXT    PRIMARY KEY,
            incident_id     TEXT    NOT NULL,
            protocol_id     TEXT,
            level           TEXT    NOT NULL,
            reason          TEXT    NOT NULL,
            requested_at    TEXT    NOT NULL,
            reporter_id     TEXT    NOT NULL,
            reporter_name   TEXT,
            reporter_conversation_id TEXT,
            chain_json      TEXT    NOT NULL,
            recipient_index INTEGER NOT NULL,
            deadline        TEXT    NOT NULL,
            status          TEXT    NOT NULL,
            decision_json   TEXT,
            decided_at      TEXT,
            version         INTEGER NOT NULL
        );
        CREATE INDEX escalations_by_incident ON escalations (incident_id);
        CREATE INDEX escalations_open_by_deadline ON escalations (deadline) WHERE status = 'open';
        CREATE TABLE escalation_cards (
            escalation_id   TEXT    NOT NULL,
            person_id       TEXT,
            service_url     TEXT    NOT NULL,
            conversation_id TEXT    NOT NULL,
            activity_id     TEXT    NOT NULL,
            posted_at       TEXT    NOT NULL,
            PRIMARY KEY (escalation_id, conversation_id, activity_id)
        );
        CREATE TABLE outbox (
            id              INTEGER PRIMARY KEY AUTOINCREMENT,
            kind            TEXT    NOT NULL,
            escalation_id   TEXT,
            payload_json    TEXT    NOT NULL,
            status          TEXT    NOT NULL,
            attempts        INTEGER NOT NULL,
            next_attempt_at TEXT    NOT NULL,
            claimed_until   TEXT,
            delivered_id    TEXT,
            last_error      TEXT,
            created_at      TEXT    NOT NULL
        );
        CREATE INDEX outbox_due ON outbox (next_attempt_at) WHERE status = 'pending';
        """;

    /// <summary>A question from the lead waits for the reporter's answer: their next typed message goes to the lead.</summary>
    public const string AddQuestionPendingSql = """
        ALTER TABLE escalations ADD COLUMN question_pending INTEGER NOT NULL DEFAULT 0;
        """;

    /// <summary>When the reporter is next asked whether they are still with the student (emergency and same-day only).</summary>
    public const string AddEyesOnSql = """
        ALTER TABLE escalations ADD COLUMN eyes_on_due TEXT;
        CREATE INDEX escalations_eyes_on_due ON escalations (eyes_on_due) WHERE status = 'open';
        """;

    /// <summary>Every typed message asks whether it answers a lead's question: that look reads only the questions waiting.</summary>
    public const string AddQuestionPendingIndexSql = """
        CREATE INDEX escalations_question_pending ON escalations (reporter_conversation_id, reporter_id) WHERE question_pending = 1;
        """;
}
