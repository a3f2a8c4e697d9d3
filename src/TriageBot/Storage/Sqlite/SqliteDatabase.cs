using System.Runtime.CompilerServices;
using Dapper;
using Microsoft.Data.Sqlite;

namespace TriageBot.Storage.Sqlite;

/// <summary>
/// Opens connections to the SQLite file and creates its schema on first use. The journal mode is WAL unless configured
/// otherwise (see <see cref="StorageOptions.SqliteJournalMode"/>); busy_timeout makes a writer in another process wait
/// instead of failing. Writes of this process go through <see cref="SqliteWriter"/>; these connections are for reads.
/// </summary>
public sealed class SqliteDatabase
{
    // Pooled connections keep their SQLite handle, and a handle keeps its settings: set them once per handle.
    private static readonly ConditionalWeakTable<SQLitePCL.sqlite3, object> Configured = [];
    private static readonly object Marker = new();

    // Pages a connection keeps between statements (negative: KiB). A reader's are dropped whenever anything was written
    // since (WAL), so a big cache only costs memory there; the writer's stay valid, as it is the only writer.
    private const int ReaderCacheKiB = 512;
    private const int WriterCacheKiB = 8 * 1024;

    private readonly string _connectionString;
    private readonly string _unpooledConnectionString;
    private readonly string _writerConnectionString;
    private readonly string _journalMode;

    public SqliteDatabase(string connectionString, string contentRoot, string journalMode = "WAL")
    {
        if (!StorageOptions.JournalModes.Contains(journalMode.ToUpperInvariant()))
        {
            throw new InvalidOperationException(
                $"Storage:SqliteJournalMode is '{journalMode}'; use one of {string.Join(", ", StorageOptions.JournalModes)}.");
        }

        _journalMode = journalMode.ToUpperInvariant();
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (!string.IsNullOrEmpty(builder.DataSource) && builder.DataSource != ":memory:" && !Path.IsPathRooted(builder.DataSource))
        {
            builder.DataSource = Path.GetFullPath(Path.Combine(contentRoot, builder.DataSource));
        }

        builder.Pooling = true;
        builder.DefaultTimeout = 30;
        _connectionString = builder.ToString();
        builder.Pooling = false;
        _writerConnectionString = builder.ToString();
        builder.Mode = builder.Mode == SqliteOpenMode.ReadWriteCreate ? SqliteOpenMode.ReadWrite : builder.Mode;
        _unpooledConnectionString = builder.ToString();
        FilePath = builder.DataSource;
    }

    /// <summary>The database file, as an absolute path.</summary>
    public string FilePath { get; }

    public Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken) => OpenAsync(_connectionString, ReaderCacheKiB, cancellationToken);

    /// <summary>The writer's own connection (<see cref="SqliteWriter"/>): not from the pool, with a larger page cache.</summary>
    public Task<SqliteConnection> OpenForWriterAsync(CancellationToken cancellationToken) => OpenAsync(_writerConnectionString, WriterCacheKiB, cancellationToken);

    /// <summary>
    /// A connection that opens the file anew rather than reusing a pooled handle, which would still work on a file that
    /// has been moved or deleted since (the health probe must see that). It never creates a missing file.
    /// </summary>
    public Task<SqliteConnection> OpenFreshAsync(CancellationToken cancellationToken) => OpenAsync(_unpooledConnectionString, ReaderCacheKiB, cancellationToken);

    private static async Task<SqliteConnection> OpenAsync(string connectionString, int cacheKiB, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        if (connection.Handle is { } handle && !Configured.TryGetValue(handle, out _))
        {
            // synchronous = FULL: a commit is on disk before it returns (WAL's default, stated so nobody lowers it by accident).
            await connection.ExecuteAsync($"PRAGMA busy_timeout = 10000; PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL; PRAGMA cache_size = -{cacheKiB};");
            Configured.AddOrUpdate(handle, Marker);
        }

        return connection;
    }

    /// <summary>Creates the folder, the file and the tables if they are missing. Safe to run at every start.</summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        var folder = Path.GetDirectoryName(FilePath);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        await using var connection = await OpenAsync(cancellationToken);
        await connection.ExecuteAsync($"PRAGMA journal_mode = {_journalMode};");
        await SqliteSchema.ApplyAsync(connection, cancellationToken);
    }
}
