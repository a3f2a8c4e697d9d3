namespace TriageBot.Storage.Sqlite;

/// <summary>The SQLite table for <see cref="SqliteKnownConversationStore"/>, applied as a numbered migration.</summary>
internal static class SqliteKnownConversationTable
{
    public const string CreateSql = """
        CREATE TABLE known_conversations (
            channel_id      TEXT    NOT NULL,
            conversation_id TEXT    NOT NULL,
            user_id         TEXT    NOT NULL,
            aad_object_id   TEXT,
            email           TEXT,
            user_name       TEXT,
            tenant_id       TEXT,
            is_personal     INTEGER NOT NULL,
            reference_json  TEXT    NOT NULL,
            updated_at      TEXT    NOT NULL,
            PRIMARY KEY (channel_id, conversation_id, user_id)
        );
        CREATE INDEX known_conversations_by_aad ON known_conversations (aad_object_id COLLATE NOCASE) WHERE is_personal = 1;
        CREATE INDEX known_conversations_by_email ON known_conversations (email COLLATE NOCASE) WHERE is_personal = 1;
        """;

    /// <summary>Outbox messages find a conversation by its id alone (the key starts with the channel).</summary>
    public const string AddByConversationIndexSql = """
        CREATE INDEX known_conversations_by_conversation ON known_conversations (conversation_id, updated_at);
        """;
}
