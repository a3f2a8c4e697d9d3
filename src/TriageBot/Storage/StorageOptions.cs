namespace TriageBot.Storage;

/// <summary>Where TriageBot keeps its records. Bound from ConnectionStrings:TriageBot and the Storage section.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";
    public const string ConnectionStringName = "TriageBot";

    /// <summary>SQLite journal modes TriageBot accepts.</summary>
    public static readonly IReadOnlyList<string> JournalModes = ["WAL", "DELETE", "TRUNCATE", "PERSIST"];
    public const string DefaultConnectionString = "Data Source=data/triagebot.db";

    /// <summary>A SQLite connection string; a relative file path is resolved against the content root.</summary>
    public string ConnectionString { get; set; } = DefaultConnectionString;

    /// <summary>
    /// WAL (default) lets readers and the writer work together on a local disk. On a network share such as App
    /// Service's /home, where SQLite's shared memory is unreliable, use DELETE.
    /// </summary>
    public string SqliteJournalMode { get; set; } = "WAL";
}
