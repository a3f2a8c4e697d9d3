using TriageBot.Storage;

namespace TriageBot.IncidentLog;

/// <summary>
/// The rows of the incident log, as stored (hashes and ciphertext untouched). The chain itself is made by
/// <see cref="IncidentLogWriter"/>; the engine only keeps one tail: <see cref="LockTailAsync"/> holds it for the rest of
/// the transaction, so two writers never chain to the same event (SQLite: the writer's transaction has the write lock
/// already; PostgreSQL: a transaction-scoped advisory lock). Rows are never updated or deleted.
/// </summary>
public interface IIncidentLogStore
{
    /// <summary>The last event's sequence and hash (0 and the genesis hash for an empty log), locked until the transaction ends.</summary>
    Task<ChainTail> LockTailAsync(IStoreTransaction transaction);

    Task InsertAsync(IStoreTransaction transaction, StoredEvent stored);

    /// <summary>The data (JSON) of the incident's first event of this type, read in the caller's unit; null when it has none.</summary>
    Task<string?> FirstDataAsync(IStoreTransaction transaction, string incidentId, string type);

    /// <summary>The last event's sequence (0 for an empty log), read without a transaction: a cheap look for news.</summary>
    Task<long> LastSequenceAsync(CancellationToken cancellationToken);

    /// <summary>One incident's rows in sequence order.</summary>
    Task<IReadOnlyList<StoredEvent>> ReadIncidentAsync(string incidentId, CancellationToken cancellationToken);

    /// <summary>Every row in sequence order, streamed, for the verifier.</summary>
    IAsyncEnumerable<StoredEvent> ReadAllAsync(CancellationToken cancellationToken);
}

/// <summary>Where the chain ends: the next event gets <see cref="Sequence"/> + 1 and chains to <see cref="Hash"/>.</summary>
public sealed record ChainTail(long Sequence, string Hash);
