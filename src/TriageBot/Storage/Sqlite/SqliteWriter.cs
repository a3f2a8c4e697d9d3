using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace TriageBot.Storage.Sqlite;

/// <summary>
/// Makes every write of this process on one connection, in batches (group commit). A unit of work queued while a
/// batch is being written goes into the next batch; each unit runs inside its own savepoint, so a unit that fails or
/// is discarded leaves nothing, and one COMMIT (one fsync) then makes the whole batch durable. A caller's task
/// completes only after that COMMIT, so anything acknowledged is on disk. Writers of this process never wait in
/// SQLite's busy handler for each other; another process that writes the same file still waits there (busy_timeout).
/// Units run one after the other in the order they were queued. A unit must only use the database: no HTTP, no
/// waiting on other work, and never a nested <see cref="WriteAsync{T}"/>, which would wait for itself.
/// </summary>
public sealed partial class SqliteWriter : IStoreWriter, IAsyncDisposable
{
    /// <summary>Most units in one transaction; more wait for the next (a long batch delays its first caller).</summary>
    public const int MaxBatch = 256;

    private static readonly AsyncLocal<bool> InsideUnit = new();

    private readonly SqliteDatabase _database;
    private readonly ILogger<SqliteWriter> _logger;
    private readonly Channel<IWriteUnit> _queue = Channel.CreateUnbounded<IWriteUnit>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _startLock = new();
    private Task? _loop;
    private SqliteConnection? _connection;

    public SqliteWriter(SqliteDatabase database, ILogger<SqliteWriter> logger)
    {
        _database = database;
        _logger = logger;
    }

    /// <summary>
    /// Runs <paramref name="unit"/> in the next batch and returns its result once the batch has committed. An exception
    /// from the unit rolls back its savepoint only and is thrown here; <see cref="SqliteWrite.Discard"/> rolls it back
    /// and still returns the result.
    /// </summary>
    public Task<T> WriteAsync<T>(Func<SqliteWrite, Task<T>> unit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(unit);
        if (InsideUnit.Value)
        {
            throw new InvalidOperationException("A write unit cannot queue another write unit: it would wait for itself. Use the SqliteWrite it was given.");
        }

        var work = new WriteUnit<T>(unit, cancellationToken);
        EnsureStarted();
        if (!_queue.Writer.TryWrite(work))
        {
            throw new ObjectDisposedException(nameof(SqliteWriter), "The store is shutting down; nothing more can be written.");
        }

        return work.Task;
    }

    /// <inheritdoc cref="WriteAsync{T}"/>
    public Task WriteAsync(Func<SqliteWrite, Task> unit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return WriteAsync(async write =>
        {
            await unit(write);
            return true;
        }, cancellationToken);
    }

    Task<T> IStoreWriter.WriteAsync<T>(Func<IStoreTransaction, Task<T>> unit, CancellationToken cancellationToken) =>
        WriteAsync<T>(write => unit(write), cancellationToken);

    Task IStoreWriter.WriteAsync(Func<IStoreTransaction, Task> unit, CancellationToken cancellationToken) =>
        WriteAsync(write => unit(write), cancellationToken);

    private void EnsureStarted()
    {
        if (_loop is not null)
        {
            return;
        }

        lock (_startLock)
        {
            _loop ??= Task.Run(RunAsync);
        }
    }

    private async Task RunAsync()
    {
        var batch = new List<IWriteUnit>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var unit))
            {
                if (unit.IsCancelled)
                {
                    unit.Complete();
                }
                else
                {
                    batch.Add(unit);
                }
            }

            if (batch.Count > 0)
            {
                await WriteBatchAsync(batch);
            }
        }

        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }
    }

    private async Task WriteBatchAsync(List<IWriteUnit> batch)
    {
        try
        {
            await CommitAsync(batch);
        }
        catch (Exception exception)
        {
            // The batch as a whole failed (the COMMIT, a broken connection, a unit whose error ended the transaction):
            // nothing of it was written. Each unit runs again alone, so one bad unit cannot fail the others.
            LogBatchFailed(batch.Count, exception.GetType().Name);
            await DropConnectionAsync();
            foreach (var unit in batch)
            {
                unit.Reset();
                if (unit.IsCancelled)
                {
                    unit.Complete();
                    continue;
                }

                try
                {
                    await CommitAsync([unit]);
                }
                catch (Exception alone)
                {
                    await DropConnectionAsync();
                    unit.Fail(alone);
                    unit.Complete();
                }
            }
        }
    }

    /// <summary>One transaction for <paramref name="units"/>, each in its savepoint; their callers hear back after the COMMIT.</summary>
    private async Task CommitAsync(IReadOnlyList<IWriteUnit> units)
    {
        var connection = await ConnectionAsync();
        using var transaction = connection.BeginTransaction(deferred: false);
        foreach (var unit in units)
        {
            await RunInSavepointAsync(unit, connection, transaction);
        }

        transaction.Commit();
        foreach (var unit in units)
        {
            unit.Complete();
        }
    }

    // Units run one after the other, never nested, so one savepoint name serves them all (and its statements stay prepared).
    private static async Task RunInSavepointAsync(IWriteUnit unit, SqliteConnection connection, SqliteTransaction transaction)
    {
        connection.Prepared(transaction, "SAVEPOINT unit;").ExecuteNonQuery();
        bool discarded;
        InsideUnit.Value = true;
        try
        {
            discarded = await unit.RunAsync(connection, transaction);
        }
        catch (Exception exception)
        {
            unit.Fail(exception);
            discarded = true;
        }
        finally
        {
            InsideUnit.Value = false;
        }

        if (discarded)
        {
            connection.Prepared(transaction, "ROLLBACK TO unit;").ExecuteNonQuery();
        }

        connection.Prepared(transaction, "RELEASE unit;").ExecuteNonQuery();
    }

    private async Task<SqliteConnection> ConnectionAsync() => _connection ??= await _database.OpenForWriterAsync(CancellationToken.None);

    private async Task DropConnectionAsync()
    {
        if (_connection is { } connection)
        {
            _connection = null;
            await connection.DisposeAsync();
        }
    }

    /// <summary>Writes what is queued, then stops taking units.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        if (_loop is { } loop)
        {
            await loop;
        }
    }

    [LoggerMessage(1211, LogLevel.Warning, "A batch of {Count} writes failed with {ExceptionType}; writing each on its own")]
    private partial void LogBatchFailed(int count, string exceptionType);

    private interface IWriteUnit
    {
        bool IsCancelled { get; }

        /// <returns>Whether the unit discarded what it wrote.</returns>
        Task<bool> RunAsync(SqliteConnection connection, SqliteTransaction transaction);

        void Fail(Exception exception);

        /// <summary>Forgets the outcome of a run whose batch did not commit.</summary>
        void Reset();

        /// <summary>The batch committed (or the unit failed on its own): hand the outcome to the caller.</summary>
        void Complete();
    }

    private sealed class WriteUnit<T>(Func<SqliteWrite, Task<T>> work, CancellationToken cancellationToken) : IWriteUnit
    {
        private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T? _result;
        private Exception? _failure;
        private bool _ran;

        public Task<T> Task => _completion.Task;

        public bool IsCancelled => cancellationToken.IsCancellationRequested;

        public async Task<bool> RunAsync(SqliteConnection connection, SqliteTransaction transaction)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var write = new SqliteWrite(connection, transaction, cancellationToken);
            _result = await work(write);
            _ran = true;
            return write.Discarded;
        }

        public void Fail(Exception exception) => _failure = exception;

        public void Reset()
        {
            _result = default;
            _failure = null;
            _ran = false;
        }

        public void Complete()
        {
            if (_failure is OperationCanceledException && cancellationToken.IsCancellationRequested)
            {
                _completion.TrySetCanceled(cancellationToken);
            }
            else if (_failure is not null)
            {
                _completion.TrySetException(_failure);
            }
            else if (!_ran)
            {
                _completion.TrySetCanceled(cancellationToken);
            }
            else
            {
                _completion.TrySetResult(_result!);
            }
        }
    }
}
