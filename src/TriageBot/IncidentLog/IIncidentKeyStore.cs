using TriageBot.Storage;

namespace TriageBot.IncidentLog;

/// <summary>Each incident's wrapped key (<see cref="IncidentKeys"/>): one row per incident, deleted by the retention purge.</summary>
public interface IIncidentKeyStore
{
    /// <summary>The wrapped key, or null; read in <paramref name="transaction"/> when given (it may have made the key), else on its own.</summary>
    Task<string?> FindAsync(string incidentId, IStoreTransaction? transaction, CancellationToken cancellationToken);

    Task InsertAsync(IStoreTransaction transaction, string incidentId, string wrappedKey);

    /// <summary>Deletes the key; returns the wrapped key that was deleted, or null when there was none.</summary>
    Task<string?> DeleteAsync(IStoreTransaction transaction, string incidentId);
}
