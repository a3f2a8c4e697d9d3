using TriageBot.IncidentLog;

namespace TriageBot.Storage.Sqlite;

/// <summary>Incident keys in incident_keys (created with the incident tables), on SQLite.</summary>
public sealed class SqliteIncidentKeyStore(SqliteDatabase database) : IIncidentKeyStore
{
    private const string FindSql = "SELECT protected_key FROM incident_keys WHERE incident_id = @incidentId;";

    public async Task<string?> FindAsync(string incidentId, IStoreTransaction? transaction, CancellationToken cancellationToken)
    {
        if (transaction is not null)
        {
            var write = SqliteWrite.From(transaction);
            return await write.Connection.Prepared(write.Transaction, FindSql).With("@incidentId", incidentId).ExecuteScalarAsync(write.CancellationToken) as string;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.Prepared(null, FindSql).With("@incidentId", incidentId).ExecuteScalarAsync(cancellationToken) as string;
    }

    public Task InsertAsync(IStoreTransaction transaction, string incidentId, string wrappedKey)
    {
        var write = SqliteWrite.From(transaction);
        return write.Connection.Prepared(write.Transaction, "INSERT INTO incident_keys (incident_id, protected_key) VALUES (@incidentId, @wrapped);")
            .With("@incidentId", incidentId)
            .With("@wrapped", wrappedKey)
            .ExecuteNonQueryAsync(write.CancellationToken);
    }

    public async Task<string?> DeleteAsync(IStoreTransaction transaction, string incidentId)
    {
        var write = SqliteWrite.From(transaction);
        return await write.Connection.Prepared(write.Transaction, "DELETE FROM incident_keys WHERE incident_id = @incidentId RETURNING protected_key;")
            .With("@incidentId", incidentId)
            .ExecuteScalarAsync(write.CancellationToken) as string;
    }
}
