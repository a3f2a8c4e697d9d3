using TriageBot.Storage;

namespace TriageBot.Retention;

/// <summary>What the retention purge (<see cref="PersonalDataPurge"/>) reads and removes besides the incident's key.</summary>
public interface IRetentionStore
{
    /// <summary>Incidents closed at or before <paramref name="cutoff"/> whose personal data is still there, oldest first.</summary>
    Task<IReadOnlyList<string>> ClosedNotPurgedAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);

    /// <summary>Deletes the settled (sent or failed) outbox messages of the incident's escalations; returns how many.</summary>
    Task<int> DeleteSettledMessagesAsync(IStoreTransaction transaction, string incidentId);

    /// <summary>Marks the incident's personal data removed in the register.</summary>
    Task MarkPurgedAsync(IStoreTransaction transaction, string incidentId, DateTimeOffset at);
}
