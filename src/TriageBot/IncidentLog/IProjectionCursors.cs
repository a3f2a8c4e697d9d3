using TriageBot.Storage;

namespace TriageBot.IncidentLog;

/// <summary>
/// Each projection's place in the incident log, and the events after it. Projections read and move their cursor inside
/// the transaction that writes what they made of the events, so a crash neither skips nor repeats one. A cursor read in
/// a transaction is held until it ends, so two projectors (in two processes) never read the same one (SQLite: the
/// writer's write lock; PostgreSQL: the cursor row FOR UPDATE).
/// </summary>
public interface IProjectionCursors
{
    /// <summary>The last sequence the projection has passed (0 before its first run); in <paramref name="transaction"/> when given.</summary>
    Task<long> ReadAsync(string name, IStoreTransaction? transaction, CancellationToken cancellationToken);

    Task MoveAsync(IStoreTransaction transaction, string name, long lastSequence);

    /// <summary>
    /// The next <paramref name="batch"/> events after <paramref name="after"/> (and at most <paramref name="upTo"/>), of
    /// which only those of the given <paramref name="types"/> are read, in order. A projection moves its cursor to
    /// <see cref="ProjectedBatch.LastScanned"/>, so events it has no use for are passed over without being read.
    /// </summary>
    Task<ProjectedBatch> EventsAsync(IStoreTransaction transaction, long after, long upTo, int batch, IReadOnlyCollection<string> types);
}
