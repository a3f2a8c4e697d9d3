namespace TriageBot.Storage.Sqlite;

/// <summary>
/// The incident log's table, applied as a numbered migration. Triggers refuse UPDATE and DELETE, so nothing in the
/// bot can change a recorded event; someone who edits the file directly can, and the hash chain shows where.
/// </summary>
internal static class SqliteIncidentLogTable
{
    public const string CreateSql = """
        CREATE TABLE incident_events (
            sequence            INTEGER PRIMARY KEY,
            incident_id         TEXT    NOT NULL,
            type                TEXT    NOT NULL,
            actor_id            TEXT    NOT NULL,
            actor_aad_object_id TEXT,
            actor_name          TEXT,
            occurred_at         TEXT    NOT NULL,
            recorded_at         TEXT    NOT NULL,
            data_json           TEXT    NOT NULL,
            personal_protected  TEXT,
            previous_hash       TEXT    NOT NULL,
            hash                TEXT    NOT NULL
        );
        CREATE INDEX incident_events_by_incident ON incident_events (incident_id, sequence);
        CREATE TRIGGER incident_events_no_update BEFORE UPDATE ON incident_events
        BEGIN SELECT RAISE(ABORT, 'incident events are append-only'); END;
        CREATE TRIGGER incident_events_no_delete BEFORE DELETE ON incident_events
        BEGIN SELECT RAISE(ABORT, 'incident events are append-only'); END;
        """;
}
