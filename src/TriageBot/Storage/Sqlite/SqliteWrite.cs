using Microsoft.Data.Sqlite;

namespace TriageBot.Storage.Sqlite;

/// <summary>
/// What a unit of work queued on <see cref="SqliteWriter"/> writes with: the writer's connection and the batch's
/// transaction (pass both to every command), and the caller's cancellation token. It is the SQLite engine's
/// <see cref="IStoreTransaction"/>: the engine's stores take it back with <see cref="From"/>.
/// </summary>
public sealed class SqliteWrite(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken) : IStoreTransaction
{
    /// <summary>The SQLite unit behind a store transaction (one from another engine's writer is a wiring mistake).</summary>
    public static SqliteWrite From(IStoreTransaction transaction) =>
        transaction as SqliteWrite
        ?? throw new ArgumentException($"The SQLite stores write in a SQLite unit of work, not a {transaction.GetType().Name}.", nameof(transaction));

    public SqliteConnection Connection { get; } = connection;

    public SqliteTransaction Transaction { get; } = transaction;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    /// <summary>Whether <see cref="Discard"/> was called.</summary>
    public bool Discarded { get; private set; }

    /// <summary>Rolls back everything this unit wrote when it returns (a compare-and-set that lost, say); other units are untouched.</summary>
    public void Discard() => Discarded = true;
}
