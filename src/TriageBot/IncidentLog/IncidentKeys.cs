using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using TriageBot.Caching;
using TriageBot.Storage;

namespace TriageBot.IncidentLog;

/// <summary>
/// One random AES-256 key per incident, stored wrapped by ASP.NET Core Data Protection (<see cref="IIncidentKeyStore"/>).
/// What staff typed about a student is encrypted with its incident's key, so deleting that one row (the retention
/// purge) makes the text unreadable everywhere, backups included, while the stored ciphertext and the hash chain stay
/// untouched. Unwrapped keys are cached by their wrapped text, so a key from a transaction that rolled back is never
/// reused; the cache holds at most IncidentLog:KeyCacheSize keys, so memory does not grow with the number of incidents.
/// </summary>
public sealed class IncidentKeys(IDataProtectionProvider provider, IIncidentKeyStore store, IOptions<IncidentLogOptions> options)
{
    public const string Purpose = "TriageBot.Incidents.Key.v1";

    private readonly IDataProtector _wrapper = provider.CreateProtector(Purpose);
    private readonly LruCache<string, byte[]> _unwrapped = new(options.Value.KeyCacheSize, StringComparer.Ordinal);

    /// <summary>Unwrapped keys in memory: at most IncidentLog:KeyCacheSize.</summary>
    public int CachedKeys => _unwrapped.Count;

    /// <summary>The incident's key, made and stored in the caller's transaction when it has none yet.</summary>
    public async Task<byte[]> GetOrCreateAsync(IStoreTransaction transaction, string incidentId)
    {
        if (await FindAsync(incidentId, transaction, transaction.CancellationToken) is { } existing)
        {
            return existing;
        }

        var key = RandomNumberGenerator.GetBytes(32);
        await store.InsertAsync(transaction, incidentId, Convert.ToBase64String(_wrapper.Protect(key)));
        return key;
    }

    /// <summary>The incident's key, or null when it has none (never had personal data, or it was purged).</summary>
    public async Task<byte[]?> FindAsync(string incidentId, IStoreTransaction? transaction, CancellationToken cancellationToken)
    {
        var wrapped = await store.FindAsync(incidentId, transaction, cancellationToken);
        return wrapped is null ? null : _unwrapped.GetOrAdd(wrapped, text => _wrapper.Unprotect(Convert.FromBase64String(text)));
    }

    /// <summary>Destroys the incident's key in the caller's transaction; returns whether there was one.</summary>
    public async Task<bool> DestroyAsync(IStoreTransaction transaction, string incidentId)
    {
        var wrapped = await store.DeleteAsync(transaction, incidentId);
        if (wrapped is null)
        {
            return false;
        }

        _unwrapped.Remove(wrapped);
        return true;
    }
}
