namespace TriageBot.Storage.Sqlite;

/// <summary>
/// The register of incidents, a projection of the incident log (made by <see cref="Incidents.IncidentRegister"/>): one row per
/// report with the short number staff and leads use ("incident 42"), who reported it, its type, level and status.
/// The chronology itself stays in incident_events; nothing here is evidence, everything here can be rebuilt from it.
/// </summary>
internal static class SqliteIncidentTables
{
    public const string CreateSql = """
        CREATE TABLE incidents (
            number                 INTEGER PRIMARY KEY AUTOINCREMENT,
            id                     TEXT    NOT NULL UNIQUE,
            reporter_id            TEXT    NOT NULL,
            reporter_aad_object_id TEXT,
            reporter_name          TEXT,
            reporter_conversation_id TEXT,
            protocol_id            TEXT,
            level                  TEXT,
            status                 TEXT    NOT NULL,
            opened_at              TEXT    NOT NULL,
            completed_at           TEXT,
            closed_at              TEXT,
            personal_purged_at     TEXT
        );
        CREATE INDEX incidents_by_reporter ON incidents (reporter_id);
        CREATE INDEX incidents_by_opened ON incidents (opened_at);
        CREATE TABLE incident_keys (
            incident_id   TEXT PRIMARY KEY,
            protected_key TEXT NOT NULL
        );
        """;

    /// <summary>Counting and listing the incidents still open reads only those, however many are closed.</summary>
    public const string AddNotClosedIndexSql = """
        CREATE INDEX incidents_not_closed ON incidents (number) WHERE status <> 'closed';
        """;
}
