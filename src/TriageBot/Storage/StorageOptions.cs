namespace TriageBot.Storage;

/// <summary>Where TriageBot keeps its records. Bound from ConnectionStrings:TriageBot.</summary>
public sealed class StorageOptions
{
    public const string ConnectionStringName = "TriageBot";
    public const string DefaultConnectionString = "Data Source=data/triagebot.db";

    /// <summary>A SQLite connection string; a relative file path is resolved against the content root.</summary>
    public string ConnectionString { get; set; } = DefaultConnectionString;
}
