using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using TriageBot.Storage.Sqlite;
using TriageBot.Tests.Infrastructure;

namespace TriageBot.Tests.Storage;

/// <summary>
/// The one writer of the process: units queued together are written in one transaction, each in its own savepoint, and
/// a caller hears back only once its unit is committed. A unit that fails, or is discarded, leaves nothing behind and
/// costs the others of its batch nothing.
/// </summary>
public sealed class SqliteWriterTests : IAsyncLifetime
{
    private TestBotHost _bot = null!;

    private SqliteWriter Writer => _bot.Services.GetRequiredService<SqliteWriter>();

    public async Task InitializeAsync()
    {
        _bot = await TestBotHost.StartAsync();
        await using var connection = await OpenAsync();
        await connection.ExecuteAsync("CREATE TABLE notes (n INTEGER PRIMARY KEY, text TEXT NOT NULL);");
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task UnitsQueuedTogether_AreAllWritten_AndEachCallerGetsItsOwnResult_AfterTheCommit()
    {
        using var hold = HoldTheWriter();
        var writes = Enumerable.Range(1, 200).Select(n => Writer.WriteAsync(async write =>
        {
            await InsertAsync(write, n);
            return n * 10;
        }, CancellationToken.None)).ToList();
        hold.Dispose();

        var results = await Task.WhenAll(writes);

        Assert.Equal(Enumerable.Range(1, 200).Select(n => n * 10), results);

        // Each caller's task completed after its commit: a connection of its own sees every row.
        Assert.Equal(200, await CountAsync());
    }

    [Fact]
    public async Task AUnitThatThrows_LeavesNothing_TheCallerGetsItsException_AndTheOthersOfItsBatchAreWritten()
    {
        using var hold = HoldTheWriter();
        var before = Writer.WriteAsync(write => InsertAsync(write, 1), CancellationToken.None);
        var failing = Writer.WriteAsync(async write =>
        {
            await InsertAsync(write, 2);
            throw new InvalidOperationException("this unit fails after writing");
        }, CancellationToken.None);
        var after = Writer.WriteAsync(write => InsertAsync(write, 3), CancellationToken.None);
        hold.Dispose();

        await before;
        var problem = await Assert.ThrowsAsync<InvalidOperationException>(() => failing);
        await after;

        Assert.Equal("this unit fails after writing", problem.Message);
        var numbers = await NumbersAsync();
        Assert.Equal([1, 3], numbers);
    }

    [Fact]
    public async Task ADiscardedUnit_LeavesNothing_ButStillReturnsItsResult()
    {
        var result = await Writer.WriteAsync(async write =>
        {
            await InsertAsync(write, 7);
            write.Discard();
            return "lost the compare-and-set";
        }, CancellationToken.None);

        Assert.Equal("lost the compare-and-set", result);
        Assert.Equal(0, await CountAsync());
    }

    [Fact]
    public async Task AUnitThatEndsTheWholeTransaction_FailsOnItsOwn_AndTheRestOfItsBatchIsWrittenAgainAlone()
    {
        using var hold = HoldTheWriter();
        var first = Writer.WriteAsync(write => InsertAsync(write, 1), CancellationToken.None);
        var breaking = Writer.WriteAsync(write => write.Connection.ExecuteAsync("ROLLBACK;"), CancellationToken.None);
        var last = Writer.WriteAsync(write => InsertAsync(write, 2), CancellationToken.None);
        hold.Dispose();

        await first;
        await Assert.ThrowsAsync<InvalidOperationException>(() => breaking);
        await last;

        var numbers = await NumbersAsync();
        Assert.Equal([1, 2], numbers);

        // And the writer carries on.
        await Writer.WriteAsync(write => InsertAsync(write, 3), CancellationToken.None);
        Assert.Equal(3, await CountAsync());
    }

    [Fact]
    public async Task UnitsRunInTheOrderTheyWereQueued()
    {
        var order = new List<int>();
        await Task.WhenAll(Enumerable.Range(0, 50).Select(n => Writer.WriteAsync(write =>
        {
            order.Add(n);
            return Task.CompletedTask;
        }, CancellationToken.None)));

        Assert.Equal(Enumerable.Range(0, 50), order);
    }

    [Fact]
    public async Task AUnitCannotQueueAnother_ItIsToldToUseItsOwnWrite_InsteadOfWaitingForItself()
    {
        var problem = await Assert.ThrowsAsync<InvalidOperationException>(() => Writer.WriteAsync(
            _ => Writer.WriteAsync(write => InsertAsync(write, 1), CancellationToken.None), CancellationToken.None));

        Assert.Contains("cannot queue another write unit", problem.Message, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync());
    }

    [Fact]
    public async Task AUnitWhoseCallerGaveUpBeforeItRan_IsNotRun_AndItsTaskIsCancelled()
    {
        using var gaveUp = new CancellationTokenSource();
        await gaveUp.CancelAsync();

        var cancelled = Writer.WriteAsync(write => InsertAsync(write, 1), gaveUp.Token);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        await Writer.WriteAsync(write => InsertAsync(write, 2), CancellationToken.None);
        var numbers = await NumbersAsync();
        Assert.Equal([2], numbers);
    }

    /// <summary>
    /// Keeps the writer busy with a unit that waits until disposed, so that the units queued meanwhile are written
    /// together in the next batch. (Real units never wait like this; a test may.)
    /// </summary>
    private Hold HoldTheWriter()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _ = Writer.WriteAsync(async _ =>
        {
            started.SetResult();
            await release.Task;
        }, CancellationToken.None);
        started.Task.Wait(TimeSpan.FromSeconds(10));
        return new Hold(release);
    }

    private sealed class Hold(TaskCompletionSource release) : IDisposable
    {
        public void Dispose() => release.TrySetResult();
    }

    private static Task<int> InsertAsync(SqliteWrite write, int n) =>
        write.Connection.ExecuteAsync("INSERT INTO notes (n, text) VALUES (@n, 'note');", new { n }, write.Transaction);

    private async Task<SqliteConnection> OpenAsync()
    {
        var connection = new SqliteConnection($"Data Source={_bot.DatabasePath};Pooling=False");
        await connection.OpenAsync();
        return connection;
    }

    private async Task<long> CountAsync()
    {
        await using var connection = await OpenAsync();
        return await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM notes;");
    }

    private async Task<int[]> NumbersAsync()
    {
        await using var connection = await OpenAsync();
        return [.. await connection.QueryAsync<int>("SELECT n FROM notes ORDER BY n;")];
    }
}
