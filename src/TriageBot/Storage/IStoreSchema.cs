namespace TriageBot.Storage;

/// <summary>The engine's tables: created or upgraded by numbered migrations at every start (safe to repeat).</summary>
public interface IStoreSchema
{
    /// <summary>Where the store is, for the log and the `verify` command (a file path, or host and database; never a password).</summary>
    string Location { get; }

    /// <summary>Whether the store exists already (`verify` refuses to create an empty one).</summary>
    Task<bool> ExistsAsync(CancellationToken cancellationToken);

    Task MigrateAsync(CancellationToken cancellationToken);
}
