namespace TriageBot.Storage.Sqlite;

/// <summary>One-time download links (migration 9): only a hash of the token is kept; a link works once, before it expires.</summary>
internal static class SqliteDownloadLinkTable
{
    public const string CreateSql = """
        CREATE TABLE download_links (
            token_hash  TEXT PRIMARY KEY,
            spec_json   TEXT NOT NULL,
            created_by  TEXT NOT NULL,
            created_at  TEXT NOT NULL,
            expires_at  TEXT NOT NULL,
            used_at     TEXT
        );
        """;
}
