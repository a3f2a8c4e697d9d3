namespace TriageBot.Storage;

/// <summary>
/// One unit of work on the store: everything written with it commits together or not at all (a turn's state, its
/// events, what projections made of them and the outbox rows they queued). Given by <see cref="IStoreWriter"/>; each
/// engine's stores take it back and write with the engine's own connection (SQLite: a savepoint in the writer's
/// group commit; PostgreSQL: an ordinary transaction).
/// </summary>
public interface IStoreTransaction
{
    /// <summary>The caller's token: pass it to every store call made in the unit.</summary>
    CancellationToken CancellationToken { get; }

    /// <summary>Whether <see cref="Discard"/> was called.</summary>
    bool Discarded { get; }

    /// <summary>Rolls back everything this unit wrote when it returns (a compare-and-set that lost, say).</summary>
    void Discard();
}
