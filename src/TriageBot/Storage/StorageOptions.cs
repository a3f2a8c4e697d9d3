namespace TriageBot.Storage;

/// <summary>Where TriageBot keeps its records. Bound from ConnectionStrings:TriageBot and the Storage section.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";
    public const string ConnectionStringName = "TriageBot";

    /// <summary>The engines <see cref="Provider"/> may name.</summary>
    public const string SqliteProvider = "Sqlite";
    public const string PostgresProvider = "Postgres";

    /// <summary>SQLite journal modes TriageBot accepts.</summary>
    public static readonly IReadOnlyList<string> JournalModes = ["WAL", "DELETE", "TRUNCATE", "PERSIST"];
    public const string DefaultConnectionString = "Data Source=data/triagebot.db";

    /// <summary>
    /// Which engine keeps the records: Sqlite (default; one instance) or Postgres (several instances; not built yet, so
    /// naming it stops the start).
    /// </summary>
    public string Provider { get; set; } = SqliteProvider;

    /// <summary>
    /// The engine's connection string (ConnectionStrings:TriageBot). For SQLite a relative file path is resolved
    /// against the content root.
    /// </summary>
    public string ConnectionString { get; set; } = DefaultConnectionString;

    /// <summary>
    /// WAL (default) lets readers and the writer work together on a local disk. On a network share such as App
    /// Service's /home, where SQLite's shared memory is unreliable, use DELETE.
    /// </summary>
    public string SqliteJournalMode { get; set; } = "WAL";

    /// <summary>
    /// How many conversations' last saved state this process keeps in memory, so their turns need not read it back
    /// (least recently used first out; 0 turns the cache off). A state is a few hundred bytes to a few kilobytes.
    /// </summary>
    public int StateCacheSize { get; set; } = 1024;
}
