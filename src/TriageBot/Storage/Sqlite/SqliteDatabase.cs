using Dapper;
using Microsoft.Data.Sqlite;

namespace TriageBot.Storage.Sqlite;

/// <summary>
/// Opens connections to the SQLite file and creates its schema on first use. The journal mode is WAL unless configured
/// otherwise (see <see cref="StorageOptions.SqliteJournalMode"/>); busy_timeout makes a second writer wait instead of failing.
/// </summary>
public sealed class SqliteDatabase
{
    private readonly string _connectionString;
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
        FilePath = builder.DataSource;
    }

    /// <summary>The database file, as an absolute path.</summary>
    public string FilePath { get; }

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        await connection.ExecuteAsync("PRAGMA busy_timeout = 10000; PRAGMA foreign_keys = ON;");
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
