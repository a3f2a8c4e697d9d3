using TriageBot.Storage;

namespace TriageBot.FollowUps;

/// <summary>
/// The follow-up tasks' row changes, each in the unit that records its event. A change names the version it read and
/// applies only to that version of an open task, so of two changes made at once one wins and the other is told
/// (false) and writes nothing.
/// </summary>
public interface IFollowUpStore
{
    /// <summary>A new open task at version 1 and its number; null when the incident has one for this rule and subject already.</summary>
    Task<long?> CreateAsync(IStoreTransaction transaction, NewFollowUp task);

    /// <summary>Done at <paramref name="at"/> by <paramref name="byName"/>; no reminder is left.</summary>
    Task<bool> MarkDoneAsync(IStoreTransaction transaction, long number, long version, DateTimeOffset at, string byName);

    /// <summary>The reminder moves to <paramref name="until"/>; the due time stays.</summary>
    Task<bool> SnoozeAsync(IStoreTransaction transaction, long number, long version, DateTimeOffset until);

    /// <summary>A rota person owns it now (no channel id or conversation yet), reminded at <paramref name="remindAt"/>.</summary>
    Task<bool> ReassignAsync(IStoreTransaction transaction, long number, long version, string personId, string? aadObjectId, string name, DateTimeOffset remindAt);

    /// <summary>Only the version moves: a note is kept in its event, not on the task.</summary>
    Task<bool> NoteAddedAsync(IStoreTransaction transaction, long number, long version);

    /// <summary>Claims the reminder that is due: it is cleared and counted, so it goes once.</summary>
    Task<bool> ClaimReminderAsync(IStoreTransaction transaction, long number, long version);

    /// <summary>Claims the overdue card: marked raised at <paramref name="at"/>, so the duty lead is told once.</summary>
    Task<bool> ClaimOverdueAsync(IStoreTransaction transaction, long number, long version, DateTimeOffset at);
}
