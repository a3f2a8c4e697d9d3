using TriageBot.Storage;

namespace TriageBot.FollowUps;

/// <summary>Reads of the follow-up tasks.</summary>
public interface IFollowUpQueries
{
    /// <summary>The task with this number; read in <paramref name="transaction"/> when given (a change's own unit).</summary>
    Task<FollowUpRecord?> ByNumberAsync(long number, IStoreTransaction? transaction, CancellationToken cancellationToken);

    /// <summary>Open tasks owned by this person (a rota id, or a member of staff's channel id / Entra object id), soonest due first.</summary>
    Task<IReadOnlyList<FollowUpRecord>> OpenOwnedByAsync(IReadOnlyCollection<string> personIds, string userId, string? aadObjectId, CancellationToken cancellationToken);

    /// <summary>Every open task, soonest due first.</summary>
    Task<IReadOnlyList<FollowUpRecord>> OpenAsync(CancellationToken cancellationToken);

    /// <summary>How many open tasks are due at or before <paramref name="now"/>.</summary>
    Task<long> CountOverdueAsync(DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Open tasks whose reminder time has come.</summary>
    Task<IReadOnlyList<FollowUpRecord>> ReminderDueAsync(DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Open tasks past their overdue moment that have not been raised with the duty lead yet.</summary>
    Task<IReadOnlyList<FollowUpRecord>> OverdueUnraisedAsync(DateTimeOffset now, CancellationToken cancellationToken);
}
