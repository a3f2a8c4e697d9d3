namespace TriageBot.Storage.Sqlite;

/// <summary>
/// Follow-up tasks, a projection of the incident log: made from decisions and reports by the rules in
/// protocols/follow-ups.yaml, changed only together with the event that records why (done, snoozed, reassigned,
/// reminded, escalated as overdue). <c>number</c> is what people type ("close follow-up 7"). digests holds one row per
/// school day and person, so the morning digest goes once even across restarts.
/// </summary>
internal static class SqliteFollowUpTables
{
    public const string CreateSql = """
        CREATE TABLE follow_ups (
            number              INTEGER PRIMARY KEY AUTOINCREMENT,
            incident_id         TEXT    NOT NULL,
            rule_id             TEXT    NOT NULL,
            subject             TEXT    NOT NULL,
            title               TEXT    NOT NULL,
            done_means          TEXT    NOT NULL,
            owner_person_id     TEXT,
            owner_user_id       TEXT,
            owner_aad_object_id TEXT,
            owner_name          TEXT,
            owner_conversation_id TEXT,
            created_at          TEXT    NOT NULL,
            due_at              TEXT    NOT NULL,
            remind_at           TEXT,
            overdue_at          TEXT,
            status              TEXT    NOT NULL,
            reminders_sent      INTEGER NOT NULL DEFAULT 0,
            overdue_escalated_at TEXT,
            done_at             TEXT,
            done_by_name        TEXT,
            version             INTEGER NOT NULL,
            UNIQUE (incident_id, rule_id, subject)
        );
        CREATE INDEX follow_ups_remind ON follow_ups (remind_at) WHERE status = 'open';
        CREATE INDEX follow_ups_overdue ON follow_ups (overdue_at) WHERE status = 'open';
        CREATE INDEX follow_ups_by_incident ON follow_ups (incident_id);
        CREATE TABLE digests (
            day        TEXT NOT NULL,
            person_id  TEXT NOT NULL,
            sent_at    TEXT NOT NULL,
            PRIMARY KEY (day, person_id)
        );
        """;
}
