using System.Data.Common;
using System.Security.Cryptography;
using Dapper;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using TriageBot.Caching;
using TriageBot.Storage.Sqlite;

namespace TriageBot.IncidentLog;

/// <summary>
/// One random AES-256 key per incident, stored in incident_keys wrapped by ASP.NET Core Data Protection. What staff
/// typed about a student is encrypted with its incident's key, so deleting that one row (the retention purge) makes
/// the text unreadable everywhere, backups included, while the stored ciphertext and the hash chain stay untouched.
/// Unwrapped keys are cached by their wrapped text, so a key from a transaction that rolled back is never reused; the
/// cache holds at most IncidentLog:KeyCacheSize keys, so memory does not grow with the number of incidents.
/// </summary>
public sealed class IncidentKeys(IDataProtectionProvider provider, IOptions<IncidentLogOptions> options)
{
    public const string Purpose = "TriageBot.Incidents.Key.v1";

    private readonly IDataProtector _wrapper = provider.CreateProtector(Purpose);
    private readonly LruCache<string, byte[]> _unwrapped = new(options.Value.KeyCacheSize, StringComparer.Ordinal);

    /// <summary>Unwrapped keys in memory: at most IncidentLog:KeyCacheSize.</summary>
    public int CachedKeys => _unwrapped.Count;

    /// <summary>The incident's key, made and stored in the caller's transaction when it has none yet.</summary>
    public async Task<byte[]> GetOrCreateAsync(DbConnection connection, DbTransaction transaction, string incidentId, CancellationToken cancellationToken)
    {
        if (await FindAsync(connection, transaction, incidentId, cancellationToken) is { } existing)
        {
            return existing;
        }

        var key = RandomNumberGenerator.GetBytes(32);
        await connection.Prepared(transaction, "INSERT INTO incident_keys (incident_id, protected_key) VALUES (@incidentId, @wrapped);")
            .With("@incidentId", incidentId)
            .With("@wrapped", Convert.ToBase64String(_wrapper.Protect(key)))
            .ExecuteNonQueryAsync(cancellationToken);
        return key;
    }

    /// <summary>The incident's key, or null when it has none (never had personal data, or it was purged).</summary>
    public async Task<byte[]?> FindAsync(DbConnection connection, DbTransaction? transaction, string incidentId, CancellationToken cancellationToken)
    {
        var wrapped = await connection.Prepared(transaction, "SELECT protected_key FROM incident_keys WHERE incident_id = @incidentId;")
            .With("@incidentId", incidentId)
            .ExecuteScalarAsync(cancellationToken) as string;
        return wrapped is null ? null : _unwrapped.GetOrAdd(wrapped, text => _wrapper.Unprotect(Convert.FromBase64String(text)));
    }

    /// <summary>Destroys the incident's key in the caller's transaction; returns whether there was one.</summary>
    public async Task<bool> DestroyAsync(DbConnection connection, DbTransaction transaction, string incidentId, CancellationToken cancellationToken)
    {
        var wrapped = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT protected_key FROM incident_keys WHERE incident_id = @incidentId;", new { incidentId }, transaction, cancellationToken: cancellationToken));
        if (wrapped is null)
        {
            return false;
        }

        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM incident_keys WHERE incident_id = @incidentId;", new { incidentId }, transaction, cancellationToken: cancellationToken));
        _unwrapped.Remove(wrapped);
        return true;
    }
}
